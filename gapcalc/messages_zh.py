"""The Chinese catalogue: for every English message template written with :func:`gapcalc.messages.t`, its Chinese
template with the same named fields (``tests/test_messages.py`` checks that none is missing or unused)."""

from __future__ import annotations

ZH: dict[str, str] = {
    # reading actuals files
    "no actuals file: every actual is blank": "没有实际值文件：所有实际值为空",
    "write one with `gapcalc template {id} YEAR -o {shown}`, or pass --actuals FILE":
        "用 `gapcalc template {id} 年份 -o {shown}` 生成一个，或用 --actuals 文件 指定",
    "bad value": "数值有误",
    "duplicate": "重复",
    "malformed": "格式错误",
    "other plan": "属于其他规划",
    "unknown breakdown": "未知分项",
    "unknown indicator": "未知指标",
    "year outside plan": "年份超出规划期",
    "{read} rows read, {used} used{missing}{reported}{versions}":
        "读取 {read} 行，使用 {used} 行{missing}{reported}{versions}",
    "earlier version": "较早版本",
    "其中 of a narrower whole (企业 of 产业链企业): not the indicator's own count":
        "“其中”所指为更窄的总体（如产业链企业中的企业），不是该指标本身的数量",
    "one of the two kinds the indicator joins (上市 of 上市挂牌): its additions or changes do not measure the whole":
        "仅为指标所含两类之一（如上市挂牌中的上市），其新增或变化不能代表整体",
    "a count of the indicator's kind joined with another kind (及相关…): not its own count":
        "该指标所计对象与另一类对象的合计数（如“及相关……”），不是该指标本身的数量",
    "give --as-of as a month of the year (2024-09) and --published as a day (2024-10-20)":
        "--as-of 写作该年的月份（2024-09），--published 写作日期（2024-10-20）",
    "{path} has no column {columns}: the rows' release date and kind were not written; add the column to the header "
    "to keep them": "{path} 没有 {columns} 列：各行的发布日期和数据版本未写入；在表头加上该列即可保留",
    "'{text}' is not a date": "“{text}”不是日期",
    "give a day such as 2024-06-30": "请写成 2024-06-30 这样的日期",
    "--as-known-on reports one plan: give PLAN YEAR": "--as-known-on 只用于单个规划：请给出 规划 年份",
    "not yet published": "当时尚未发布",
    ", set aside: {reasons}": "，另有 {reasons} 未采用",
    "'{cell}' is not a release kind ({accepted})": "“{cell}”不是数据版本（{accepted}）",
    "leave it blank, or write the release kind: 预计数, 快报, 初步数, 核实数 or 年鉴":
        "留空，或填写数据版本：预计数、快报、初步数、核实数或年鉴",
    "write the release date as 2024-08-09 (or leave it blank)": "发布日期写作 2024-08-09（或留空）",
    "give each version its release date (published) or kind (revision), or delete the wrong row":
        "为每个版本填写发布日期（published）或数据版本（revision），或删除错误的行",
    "{path}{decoded}: {summary}": "{path}{decoded}：{summary}",
    ", {count} missing value{s}": "，缺值 {count} 个",
    ", {total} reported ({reasons})": "，报告 {total} 行（{reasons}）",
    " (read as {encoding})": "（按 {encoding} 编码读取）",
    "{count} {reason}": "{reason} {count} 行",
    "row is for plan '{named}', but this file is read for plan '{id}'":
        "该行属于规划“{named}”，但此文件按规划“{id}”读取",
    "keep one plan per actuals file (split the file), or correct the plan cell":
        "每个实际值文件只放一个规划（拆分文件），或更正 plan 单元格",
    "check quotes in the row": "检查该行的引号",
    "empty file": "文件为空",
    "the first row must name the columns: indicator,year,value": "第一行须为列名：indicator,year,value",
    "missing column{s} {missing}": "缺少列 {missing}",
    "the first row must name the columns: indicator,year,value[,breakdown,source,note]":
        "第一行须为列名：indicator,year,value[,breakdown,source,note]",
    "row has {cells} cells, the header has {width}": "该行有 {cells} 个单元格，表头有 {width} 个",
    "check for a stray delimiter or quote": "检查是否有多余的分隔符或引号",
    "empty indicator": "指标为空",
    "name the indicator id": "填写指标 id",
    "unknown indicator '{indicator_id}'": "未知指标“{indicator_id}”",
    "unknown breakdown '{typed}' for indicator '{indicator_id}'": "指标“{indicator_id}”没有分项“{typed}”",
    "no value for {indicator_id} {year} ('{strip}')": "{indicator_id} {year}年无数值（“{strip}”）",
    "footnote marker '{marker}' after {value} was dropped": "已去掉 {value} 后的脚注标记“{marker}”",
    "the number is read as typed; put the footnote in the note column": "数字按所填读取；脚注请写在 note 列",
    "{label} repeats row {row} with the same value": "{label} 与第 {row} 行重复，数值相同",
    "delete one of the rows": "删除其中一行",
    "keep the right value and delete the other row": "保留正确的数值，删除另一行",
    "a quote opened on line {first} (column {col}) is not closed where its cell ends":
        "第 {first} 行（第 {col} 列）开始的引号在单元格结束处没有闭合",
    "remove the stray \" or close it; the following lines are read as rows of their own":
        "删除多余的 \" 或将其闭合；其后各行按各自的行读取",
    "column '{name}' appears twice: columns {first_at} and {i}": "列“{name}”出现两次：第 {first_at} 列和第 {i} 列",
    "keep one of the two columns (Excel may have copied it); each column once":
        "两列只保留一列（可能是 Excel 复制所致）；每列只出现一次",
    "unknown column '{name}'": "未知列“{name}”",
    "columns are: {allowed}": "可用的列：{allowed}",
    "write the year as 2019": "年份写作 2019 这样的形式",
    "year {year} is far outside the plan period {period}": "年份 {year} 远超出规划期 {period}",
    "check the year": "检查年份",
    "the header row has a quote that is not closed": "表头行有未闭合的引号",
    "the first row names the columns, without quotes": "第一行为列名，不加引号",
    "the file is separated by semicolons (;), not commas": "文件以分号（;）而非逗号分隔",
    "it is read with ';'; Excel writes this in locales with a decimal comma — save as CSV UTF-8 (comma delimited) "
    "to be safe": "已按“;”读取；这是以逗号为小数点的区域设置下 Excel 的写法——稳妥起见请另存为“CSV UTF-8（逗号分隔）”",
    "{more} more {code} finding{s} not listed": "另有 {more} 条 {code} 问题未列出",
    "the first {limit} are listed; fix those and check again": "只列出前 {limit} 条；修正后请再次检查",
    # consistency of the plan document
    "{indicator} {year}: {place} gives {first}, {place2} gives {other}":
        "{indicator} {year}年：{place}为 {first}，{place2}为 {other}",
    "{indicator} {year}: {place} states {comparator} {level}, {place2} states {comparator2} {level}":
        "{indicator} {year}年：{place}为 {comparator} {level}，{place2}为 {comparator2} {level}",
    "{label} (line {line})": "{label}（第 {line} 行）",
    "line {line}": "第 {line} 行",
    "{indicator} {year}: increments add up to {quota} at {place}, but {place2} states {level}":
        "{indicator} {year}年：{place}的增量累计为 {quota}，但{place2}为 {level}",
    "the document contradicts itself; the first statement is used": "文件自相矛盾；采用第一处表述",
    "the document contradicts itself on the bound; the first statement is used":
        "文件对界限的表述自相矛盾；采用第一处表述",
    "the document contradicts itself; keep both and say which you use": "文件自相矛盾；两处都保留并说明采用哪一处",
    "{id} baseline {year}: {place} gives {level}, {place2} gives {level2}":
        "{id} {year}年基期值：{place}为 {level}，{place2}为 {level2}",
    "the document contradicts itself": "文件自相矛盾",
    "{id} {key} ({key2}): the breakdowns add up to {parts}, the total is {value}":
        "{id} {key}年{key2}：各分项合计 {parts}，总数为 {value}",
    "{id}: the milestone {word} from {level} ({year}) to {level2} ({year2}) although direction is {direction}":
        "{id}：目标节点从 {level}（{year}年）{word}到 {level2}（{year2}年），而方向为 {direction}",
    "check the figures, or whether a column is 'new' rather than 'cumulative'":
        "核对数字，或该列是否为“新增”而非“累计”",
    # target files: syntax and schema
    "add '{key} = …'": "添加“{key} = …”",
    "wrong type at {where}: {value}": "{where} 类型错误：{value}",
    "wrong type at {where}: {msg} (got {shown})": "{where} 类型错误：{msg}（实际为 {shown}）",
    "invalid value at {where}: {msg} (got {shown})": "{where} 取值无效：{msg}（实际为 {shown}）",
    "fix the TOML syntax (quotes, brackets, '=' between key and value, no repeated keys)":
        "修正 TOML 语法（引号、括号、键与值之间的“=”、不重复的键）",
    "did you mean '{close}'?": "是否应为“{close}”？",
    "allowed keys here: {allowed}": "此处可用的键：{allowed}",
    "unknown key '{key}' at {where}": "{where} 有未知键“{key}”",
    "missing required key {where}": "缺少必填键 {where}",
    "target files must be UTF-8; re-save the file as UTF-8": "目标文件须为 UTF-8 编码；请另存为 UTF-8",
    "arrays or tables are nested too deeply to read": "数组或表嵌套过深，无法读取",
    "a target file nests a few levels at most; look for a run of [ or {{ brackets":
        "目标文件最多嵌套几层；查找连续的 [ 或 {{ 括号",
    "not valid UTF-8 at byte {start}": "第 {start} 字节不是有效的 UTF-8",
    "wrong type at {where}: {original}": "{where} 类型错误（校验信息：“{original}”）",
    "wrong type at {where}: {original} (got {shown})": "{where} 类型错误（校验信息：“{original}”；实际为 {shown}）",
    "invalid value at {where}: {original} (got {shown})": "{where} 取值无效（校验信息：“{original}”；实际为 {shown}）",
    "write numbers without quotes, e.g. value = 46": "数字不加引号，如 value = 46",
    "write a whole number without quotes, e.g. year = 2019": "写不加引号的整数，如 year = 2019",
    "put the text in double quotes": "文字须加双引号",
    "write true or false without quotes": "写 true 或 false，不加引号",
    "see docs/target-format.md for the expected shape": "应有的结构见 docs/target-format.md",
    # target files: what the schema says (pydantic's errors, by their type)
    "Input should be a valid integer": "应为整数",
    "Input should be a valid number": "应为数字",
    "Input should be a valid string": "应为字符串（加双引号的文字）",
    "Input should be a valid boolean": "应为 true 或 false",
    "Input should be a valid list": "应为数组 […]",
    "Input should be a table": "应为表（[表名] 或 {{ … }}）",
    "Input should be {expected}": "应为 {expected}",
    "{values} or {last}": "{values} 或 {last}",
    "List should have at least {min_length} item{s} after validation, not {actual_length}":
        "至少应有 {min_length} 项，实有 {actual_length} 项",
    "List should have at most {max_length} item{s} after validation, not {actual_length}":
        "至多应有 {max_length} 项，实有 {actual_length} 项",
    "String should have at least {min_length} character{s}": "至少应有 {min_length} 个字符",
    "String should have at most {max_length} character{s}": "至多应有 {max_length} 个字符",
    "String should match pattern '{pattern}'": "应符合格式“{pattern}”",
    "Input should be greater than or equal to {ge}": "应不小于 {ge}",
    "Input should be less than or equal to {le}": "应不大于 {le}",
    "Input should be greater than {gt}": "应大于 {gt}",
    "Input should be less than {lt}": "应小于 {lt}",
    "expected a number, got {type} {value}": "应为数字，实际为{type} {value}",
    "expected a finite number, got {value}": "应为有限的数字，实际为 {value}",
    # target files: what tomllib says of the syntax
    "{problem} (at end of document)": "在文件末尾：{problem}",
    "{parser_message}": "TOML 语法错误（解析器信息：“{parser_message}”）",
    "Invalid value": "值无效（文字须加双引号；数字、true/false、日期不加）",
    "Invalid statement": "语句无效（每行应为 键 = 值、[表] 或 [[数组表]]）",
    "Expected newline or end of document after a statement": "语句之后应换行（一行只写一个 键 = 值）",
    "Cannot declare [{key}] twice": "表 [{key}] 声明了两次",
    "Cannot overwrite a value": "不能覆盖已有的值（键重复了？）",
    "Expected ']' at the end of a table declaration": "表头末尾应为“]”",
    "Expected ']]' at the end of an array declaration": "数组表头末尾应为“]]”",
    "Cannot mutate immutable namespace {key}": "不能再改动 {key}（内联表或数组写定后不能再添加内容）",
    "Cannot redefine namespace {key}": "不能重新定义 {key}",
    "Expected '=' after a key in a key/value pair": "键之后应为“=”",
    "Invalid initial character for a key part": "键的首字符无效（含空格或中文的键须加双引号）",
    "Unclosed array": "数组没有闭合（缺少“]”或元素之间的“,”）",
    "Unclosed inline table": "内联表没有闭合（缺少“}}”或键值之间的“,”）",
    "Duplicate inline table key {key}": "内联表中的键 {key} 重复",
    "Unescaped '\\' in a string": "字符串中有未转义的“\\”（写作 \\\\，或改用单引号字符串）",
    "Invalid hex value": "十六进制转义无效（\\u 后应为 4 位、\\U 后应为 8 位十六进制数字）",
    "Escaped character is not a Unicode scalar value": "转义的字符不是有效的 Unicode 字符",
    "Unterminated string": "字符串没有结束（缺少闭合的引号）",
    "Illegal character {char}": "字符串中有非法字符 {char}",
    "Invalid date or datetime": "日期或日期时间无效",
    "Found invalid character {char}": "发现无效字符 {char}",
    "Expected {expected}": "缺少 {expected}",
    # quotes
    "the document has '{found}' but not what follows it": "文件中有“{found}”，但没有其后的内容",
    "the document is printed in traditional characters; copy the quote as printed: '{printed}'":
        "原文为繁体，引文须照原文抄录：“{printed}”",
    "copy the fragment from the document verbatim": "从文件中逐字复制该片段",
    "quote not found in the document: '{quote}'": "文件中找不到引文：“{quote}”",
    "{shown} is not printed in the quote '{quote}' (it prints: {listed})":
        "引文“{quote}”中没有 {shown}（引文中的数字：{listed}）",
    "type the number exactly as printed (7.0 stays 7.0), or give printed = \"…\" for 2万, 翻番":
        "按原文照录数字（7.0 仍写 7.0），或对 2万、翻番 等写 printed = \"…\"",
    "source document '{source}' not found": "找不到来源文件“{source}”",
    "source_text is relative to the repository root, e.g. docs/sources/<plan>.txt":
        "source_text 相对于仓库根目录，如 docs/sources/<plan>.txt",
    "text '{text}' does not occur in the quote '{quote}'": "引文“{quote}”中没有 text“{text}”",
    "text is the wording of the quote": "text 应为引文中的措辞",
    "printed '{printed}' does not occur in the quote '{quote}'": "引文“{quote}”中没有 printed“{printed}”",
    "printed is how the number appears in the quote": "printed 应为数字在引文中的写法",
    # target files: rules
    "declare it under [[subplans]] ({subplan_ids})": "在 [[subplans]] 中声明（{subplan_ids}）",
    "declare it in the indicator's breakdowns": "在该指标的 breakdowns 中声明",
    "{change} of {value}": "{change} {value}",
    "{id} {year}: the target moves against direction = \"{direction}\" ({shown})":
        "{id} {year}年：目标与 direction = \"{direction}\" 的方向相反（{shown}）",
    "plan id '{id}' differs from the file name '{stem}'": "规划 id“{id}”与文件名“{stem}”不同",
    "rename the file to {id}.toml or set id = \"{stem}\"": "将文件改名为 {id}.toml，或设 id = \"{stem}\"",
    "plan period [{start}, {end}] ends before it starts": "规划期 [{start}, {end}] 的结束早于开始",
    "write period = [start, end]": "写作 period = [开始, 结束]",
    "baseline_year {baseline_year} is after the period start {start}":
        "baseline_year {baseline_year} 晚于规划期开始 {start}",
    "the baseline year is the year before the plan starts": "基期年为规划开始的前一年",
    "unknown subplan '{subplan}'": "未知子计划“{subplan}”",
    "indicator '{id}' has breakdowns but no breakdown_dimension": "指标“{id}”有分项但没有 breakdown_dimension",
    "add breakdown_dimension = \"industry\" (or level, …)": "添加 breakdown_dimension = \"industry\"（或 level 等）",
    "unknown breakdown '{breakdown}' in indicator '{id}'": "指标“{id}”中有未知分项“{breakdown}”",
    "source names neither a section nor a table": "source 既未指明章节也未指明表格",
    "add source = {{ table = \"表2 …\" }} or {{ section = \"…\" }}":
        "添加 source = {{ table = \"表2 …\" }} 或 {{ section = \"…\" }}",
    "a {kind} target needs change = \"increase\" or \"decrease\"":
        "{kind} 目标需要 change = \"increase\" 或 \"decrease\"",
    "下降/降低/缩短 → decrease; 提高/增长/提升 → increase": "下降/降低/缩短 → decrease；提高/增长/提升 → increase",
    "a period_total needs period = [start, end]": "period_total 需要 period = [开始, 结束]",
    "e.g. period = [2021, 2025] for 十四五": "如十四五写 period = [2021, 2025]",
    "per_year applies to pp_change only": "per_year 仅用于 pp_change",
    "remove per_year": "删除 per_year",
    "a {kind} value is the size of the change, not signed: {value}":
        "{kind} 的 value 是变化的幅度，不带正负号：{value}",
    "write value = {value} and put the sign in change: change = \"decrease\" for 下降/降低/减少 18%":
        "写 value = {value}，正负号放在 change 中：下降/降低/减少 18% 写 change = \"decrease\"",
    "a {kind} statement needs value = …": "{kind} 表述需要 value = …",
    "add the number as printed": "按原文添加数字",
    "a baseline cannot have comparator {comparator!r}": "基期值不能用比较符 {comparator!r}",
    "a baseline is an observed value: use \"=\" (or \"~\", \">\" for 超/约)":
        "基期值是观测值：用 \"=\"（约、超分别用 \"~\"、\">\"）",
    "change = \"{change}\" but the quote says {said}: '{quote}'":
        "change = \"{change}\"，但引文表述为{said}：“{quote}”",
    "{value} against the baseline {baseline} ({year})": "{value}，基期值 {baseline}（{year}年）",
    "subplan id '{id}' is used twice": "子计划 id“{id}”用了两次",
    "give every subplan its own id": "每个子计划使用各自的 id",
    "indicator id '{id}' is used twice (first at line {line})": "指标 id“{id}”用了两次（第一次在第 {line} 行）",
    "merge the two blocks or rename one": "合并两段，或为其中一个改名",
    "indicator '{id}' names no subplan": "指标“{id}”没有指明子计划",
    "add subplan = one of {subplan_ids}": "添加 subplan = {subplan_ids} 之一",
    "breakdown '{key}' is declared twice": "分项“{key}”声明了两次",
    "remove one": "删除其中一个",
    "breakdowns '{close}' and '{key}' differ only slightly": "分项“{close}”与“{key}”仅略有不同",
    "if they are the same, use one key": "如果相同，请使用同一个键",
    "year {year} is stated twice in one series (first at line {first_line})":
        "同一序列中年份 {year} 出现两次（第一次在第 {first_line} 行）",
    "one statement gives each year once; a second statement is a new series":
        "一处表述每年只给一次；另一处表述另立一个序列",
    "check the year for a typo": "检查年份是否有笔误",
    "invalid value at {name}: {number} is not a figure": "{name} 取值无效：{number} 不是数字",
    "type the number as printed in the document": "按文件原文填写数字",
    "a qualitative target has no value": "定性目标没有 value",
    "use text = \"…\" or another kind": "使用 text = \"…\"，或改用其他 kind",
    "a qualitative target needs text = \"…\"": "定性目标需要 text = \"…\"",
    "quote the wording": "引用原文措辞",
    "comparator \"range\" needs upper = …": "比较符 \"range\" 需要 upper = …",
    "e.g. {{ value = 1, upper = 2, comparator = \"range\" }} for 1—2家":
        "如 1—2家 写 {{ value = 1, upper = 2, comparator = \"range\" }}",
    "upper is only for comparator \"range\" (here {comparator!r})":
        "upper 仅用于比较符 \"range\"（此处为 {comparator!r}）",
    "set comparator = \"range\" or remove upper": "设 comparator = \"range\"，或删除 upper",
    "baseline year {year} is after the first target year {first_target}":
        "基期年 {year} 晚于第一个目标年 {first_target}",
    "check the number, the sign and change; if the plan allows the move, use comparator \"<=\" (a cap) or \">=\" "
    "(a floor)": "核对数字、正负号和 change；如规划允许这种变化，用比较符 \"<=\"（上限）或 \">=\"（下限）",
    "target year {year} is before the plan period {period}": "目标年 {year} 早于规划期 {period}",
    "a number for a year before the period is a baseline: kind = \"baseline\"":
        "规划期之前年份的数字是基期值：kind = \"baseline\"",
    "range upper {upper} is not above its value {value}": "区间上限 {upper} 不大于其下限 {value}",
    "value is the lower end, upper the higher": "value 为下限，upper 为上限",
    "write change = \"{said}\" (下降/降低/减少 → decrease; 提高/增长 → increase)":
        "写 change = \"{said}\"（下降/降低/减少 → decrease；提高/增长 → increase）",
    "increase": "增加",
    "decrease": "减少",
    "a baseline describes the situation before the targets": "基期值描述目标之前的情况",
    # checking a workspace
    "plan id '{plan_id}' is also used by {other}": "规划 id“{plan_id}”也被 {other} 使用",
    "every plan has its own id": "每个规划使用各自的 id",
    "{path}: could not be checked ({kind}: {error})": "{path}：无法检查（{kind}: {error}）",
    " and {count} more": " 等另外 {count} 个",
    "{path}: skipped {names}{more} (not a target .toml or an actuals .csv/.tsv/.txt file)":
        "{path}：跳过 {names}{more}（不是目标 .toml 或实际值 .csv/.tsv/.txt 文件）",
    "no valid plan '{value}' for this actuals file": "此实际值文件没有有效的规划“{value}”",
    "no target or actuals files in this directory": "此目录中没有目标文件或实际值文件",
    "name the file <plan>.csv, add a plan column, or pass --plan":
        "将文件命名为 <规划>.csv、添加 plan 列，或用 --plan 指定",
    "target files end in .toml, actuals files in .csv; check the path":
        "目标文件以 .toml 结尾，实际值文件以 .csv 结尾；请检查路径",
    # the command line
    "checked {files} file{s}: {errors} error{s2}, {warnings} warning{s3}":
        "已检查 {files} 个文件：错误 {errors} 个，警告 {warnings} 个",
    "wrote {path}": "已写入 {path}",
    "'{cell}' has a percent sign but the indicator's unit is not %": "“{cell}”带百分号，但该指标的单位不是 %",
    "'{cell}' is not a number": "“{cell}”不是数字",
    "'{cell}' is too large to be a figure": "“{cell}”太大，不是一个统计数字",
    "'{cell}' is not a year": "“{cell}”不是年份",
    "type the number in the indicator's unit without %": "按该指标的单位填写数字，不带 %",
    "type the figure in the indicator's unit, e.g. 1234.5": "按该指标的单位填写数字，如 1234.5",
    "type a number such as 26, 26.5 or 1,234; leave blank or — when there is no value":
        "填写 26、26.5 或 1,234 这样的数字；没有数值时留空或填 —",
    "checking files": "检查文件",
    "reading plans": "读取规划",
    "reading the document": "读取文件",
    "ratio_of on '{indicator_id}' whose unit is '{unit}', not %":
        "“{indicator_id}”的单位是“{unit}”而不是 %，不能用 ratio_of",
    "ratio_of is for a rate in % computed as numerator ÷ denominator": "ratio_of 用于按分子 ÷ 分母计算的百分比",
    "name another indicator of this plan": "填写本规划中的另一个指标",
    "ratio_of {part_name} '{part}' is not another indicator of this plan":
        "ratio_of 的{part_name}“{part}”不是本规划中的另一个指标",
    "numerator": "分子（numerator）",
    "denominator": "分母（denominator）",
    "ratio_of parts have different units: '{numerator_unit}' and '{denominator_unit}'":
        "ratio_of 的分子与分母单位不同：“{numerator_unit}”与“{denominator_unit}”",
    "numerator and denominator must share one unit": "分子与分母必须使用同一单位",
    "{indicator} {year}: {numerator} ÷ {denominator} = {computed} %, but {place} states {rate}":
        "{indicator} {year}年：{numerator} ÷ {denominator} = {computed}%，但{place}写的是{rate}",
    "the document's own arithmetic ({numerator_id} ÷ {denominator_id}) does not hold; the stated rate is used":
        "文件自身的算式（{numerator_id} ÷ {denominator_id}）不成立；采用文件所写的比率",
    "{suggestion}see `gapcalc targets {id}` for the ids": "{suggestion}指标 id 见 `gapcalc targets {id}`",
    "{suggestion}use a breakdown key declared in the target file ({declared})":
        "{suggestion}使用目标文件中声明的分项（{declared}）",
    "{suggestion}the target file declares no breakdown for it": "{suggestion}目标文件没有为该指标声明分项",
    "{label}: row {row} says {value}, row {row2} says {value2}; neither is used":
        "{label}：第 {row} 行为 {value}，第 {row2} 行为 {value2}；两者都不采用",
    "{series} {year}: {measure} {value} has no level to apply to (no figure for {anchor} and no stated level)":
        "{series} {year}年：{measure} {value} 没有可依据的水平值（{anchor}年无数据，规划也未给出）",
    "add the level (or the change) of that year, or give this figure as a level":
        "补充该年的水平值（或变化），或把此数填为水平值",
    "{series} {year}: {value} is an order of magnitude off {previous_value} ({previous})":
        "{series} {year}年：{value} 与 {previous_value}（{previous}年）相差一个数量级",
    "a published change (下降4.04%) or a year's additions go in with measure = change_pct or new; else check the unit":
        "公布的变化（下降4.04%）或当年新增请用 measure = change_pct 或 new 填写；否则请检查单位",
    "did you mean {choices}? ": "是否应为 {choices}？",
    "'{cell}' is not a {what} ({accepted})": "“{cell}”不是有效的{what}（{accepted}）",
    "measure": "计量方式",
    "comparator": "比较符",
    "'{cell}' is not a date: write 2024-09 or 2024-09-30": "“{cell}”不是日期：请写 2024-09 或 2024-09-30",
    "as_of '{cell}' is not in the row's year {year}": "截至日期“{cell}”不在该行的年份 {year} 内",
    "leave it blank for a level, exact, for the whole year": "水平值、精确值、全年数据请留空",
    "'new' (additions) on a percentage indicator (unit {unit})": "百分比指标（单位 {unit}）不能用“new”（新增）",
    "additions are for counts; give the level or a change_pct": "新增仅用于计数类指标；请填水平值或 change_pct",
    "scope (口径) '{cell}' is a measure, not what the figure counts": "口径“{cell}”是计量方式，不是数据的统计范围",
    "give {measure} in the measure column (计量方式); 口径 says what the figure counts where it differs from the "
    "indicator, e.g. 全行业，规划为制造业领域":
        "请在 measure 列（计量方式）填写 {measure}；口径列写明数据与指标不一致时的统计范围，"
        "如“全行业，规划为制造业领域”",
    # the cache
    "cache: {folder}: removed {removed} ({size}): {unused} not used for {days} day{s}, {beyond} least recently used "
    "past the bound of {bound}; kept {kept} ({kept_size})":
        "缓存：{folder}：删除 {removed} 项（{size}）：{unused} 项超过 {days} 天未用，{beyond} 项因超出上限（{bound}）"
        "按最久未用删除；保留 {kept} 项（{kept_size}）",
    "none": "无",
    "cache: could not remove {failed}: {reasons}": "缓存：{failed} 项无法删除：{reasons}",
    # errors that stop a command (exit 2) and their hints
    "{message} — {hint}": "{message} — {hint}",
    "a Word brief is written to a file": "Word 简报须写入文件",
    "add --output FILE.docx, or -f markdown for text": "加上 --output 文件.docx，或用 -f markdown 输出文本",
    "'{text}' is not a year": "“{text}”不是年份",
    "give a year such as {year}": "给出年份，例如 {year}",
    "cannot draw {path}: a chart is written as PNG or SVG": "无法绘制 {path}：图表只写为 PNG 或 SVG",
    "name the output FILE.png or FILE.svg": "将输出命名为 文件.png 或 文件.svg",
    "--format {format} writes a file": "--format {format} 须写入文件",
    "add --output FILE.{format}": "加上 --output 文件.{format}",
    "cannot write the character {character} in {encoding}": "无法以 {encoding} 编码写出字符 {character}",
    "write to a file with --output, or set PYTHONIOENCODING=utf-8":
        "用 --output 写入文件，或设置 PYTHONIOENCODING=utf-8",
    "cannot decode the input: {reason}": "无法解码输入：{reason}",
    "pass --encoding utf-8 or --encoding gb18030": "指定 --encoding utf-8 或 --encoding gb18030",
    "unknown encoding: {reason}": "未知编码：{reason}",
    "use e.g. utf-8, gb18030, utf-16": "使用如 utf-8、gb18030、utf-16 等编码",
    "input/output error: {reason}": "输入/输出错误：{reason}",
    "check the disk, the paths given and their permissions": "检查磁盘、所给路径及其权限",
    "{count} plan(s) could not be loaded": "{count} 个规划无法载入",
    "run `gapcalc check`": "运行 `gapcalc check`",
    "{path} exists": "{path} 已存在",
    "pass --force to overwrite it, or choose another --output": "加上 --force 覆盖，或另选 --output",
    "{path}: no known region in the title, so no plan id can be derived": "{path}：标题中没有已知地区，无法推出规划 id",
    "give one with --plan ID (e.g. --plan mycity_2025)": "用 --plan ID 指定（如 --plan mycity_2025）",
    "{path}: the document is empty (no text could be read)": "{path}：文档为空（读不出文字）",
    "check the file; a scanned PDF has no text layer and needs OCR first":
        "检查该文件；扫描版 PDF 没有文字层，须先做 OCR",
    "{path}: no target found in the document": "{path}：文档中未找到目标",
    "is this a plan? gapcalc draft looks for numbers with units and target years (到2025年…达到…) and for tables of "
    "yearly targets": "这是规划文件吗？gapcalc draft 查找带单位和目标年份的数字（到2025年…达到…）以及分年度目标表",
    "use lower-case letters, digits and _ and start with a letter, e.g. --plan mianyang":
        "使用小写字母、数字和 _，并以字母开头，如 --plan mianyang",
    "{path} already exists": "{path} 已存在",
    "{year} is outside the years gapcalc reads ({first}–{last})":
        "{year}年不在 gapcalc 可读的年份范围内（{first}—{last}年）",
    "pass --force to replace it": "加上 --force 覆盖",
    "made the targets directory {path}": "已新建目标文件目录 {path}",
    "plan id '{plan_id}' is not an ascii id of at most 64 characters":
        "规划编号“{plan_id}”不是不超过 64 个字符的 ASCII 编号",
    "{path} already holds {count} of the site's files ({first}, …)": "{path} 中已有网站的 {count} 个文件（{first} 等）",
    "pass --force to replace them, or choose an empty directory": "加上 --force 覆盖，或另选空目录",
    "--output - : the document's text is saved to a file, beside the plan":
        "--output -：文件原文须保存为文件，与规划放在一起",
    "give a file name, or leave --output out": "给出文件名，或省略 --output",
    "wrote {path} (a picture the brief shows)": "已写入 {path}（报告中的图）",
    "standard input is larger than the {limit} MiB gapcalc reads": "标准输入超过 gapcalc 可读的 {limit} MiB",
    "split the input or check that it is the right one": "拆分输入，或确认输入是否正确",
    "pass --force to overwrite it, or choose another --plan": "加上 --force 覆盖，或另选 --plan",
    "check that it is the plan document; a scan needs OCR first": "确认这是规划文件；扫描件须先做 OCR",
    "{path}: the document has no text": "{path}：文档没有文字",
    "{path}: not a readable Word document ({reason})": "{path}：不是可读的 Word 文档（{reason}）",
    "save the plan as .docx, PDF, HTML or plain text (UTF-8) and give that file":
        "将规划另存为 .docx、PDF、HTML 或纯文本（UTF-8），再给出该文件",
    "run OCR on it first (e.g. ocrmypdf) and give the PDF with a text layer, or give the plan as text":
        "先对其做 OCR（如 ocrmypdf），给出带文字层的 PDF，或以文本形式给出规划",
    "unpack it and give the plan document inside": "解压后给出其中的规划文件",
    "an old binary Office file (.doc, .xls, .wps) or a password-protected one":
        "旧版二进制 Office 文件（.doc、.xls、.wps）或受密码保护的文件",
    "a PNG image": "PNG 图片",
    "a JPEG image": "JPEG 图片",
    "a GIF image": "GIF 图片",
    "a TIFF image": "TIFF 图片",
    "an RTF document": "RTF 文档",
    "a RAR archive": "RAR 压缩包",
    "a 7-Zip archive": "7-Zip 压缩包",
    "a gzip archive": "gzip 压缩包",
    "an Excel workbook (.xlsx)": "Excel 工作簿（.xlsx）",
    "a PowerPoint presentation (.pptx)": "PowerPoint 演示文稿（.pptx）",
    "an OpenDocument file (.odt, .ods)": "OpenDocument 文件（.odt、.ods）",
    "{path}: a zip archive, not a format gapcalc reads": "{path}：zip 压缩包，不是 gapcalc 能读的格式",
    "{path}: a web archive (.mht), not a format gapcalc reads": "{path}：网页归档（.mht），不是 gapcalc 能读的格式",
    "save the page as a complete web page (.html), or as text": "将网页另存为完整网页（.html）或文本",
    "{path}: {kind}, not a format gapcalc reads": "{path}：{kind}，不是 gapcalc 能读的格式",
    "{path}: a damaged zip file (a .docx that was cut off?)": "{path}：损坏的 zip 文件（被截断的 .docx？）",
    "{path}: declares charset {declared} but is not valid {declared}; read as detected instead":
        "{path}：声明字符集为 {declared}，但不是有效的 {declared}；已按检测到的编码读取",
    "{path}: declares charset {declared} but is not valid {declared}":
        "{path}：声明字符集为 {declared}，但不是有效的 {declared}",
    "open it in a PDF viewer and print or export it to a new PDF, or give the plan as .docx or text":
        "用 PDF 阅读器打开并打印或导出为新的 PDF，或以 .docx 或文本形式给出规划",
    "{path}: not a readable PDF ({reason})": "{path}：不是可读的 PDF（{reason}）",
    "{path}: the PDF has no text layer (a scanned document?)": "{path}：PDF 没有文字层（扫描件？）",
    "{path}: the PDF is encrypted (it needs a password to open)": "{path}：PDF 已加密（需要密码才能打开）",
    "save an unprotected copy (print it to PDF from a viewer that has the password)":
        "另存一份不受保护的副本（在有密码的阅读器中打印为 PDF）",
    # gapcalc draft: hostile documents, read within bounds
    "{path}: the document is nested too deeply to read": "{path}：文档嵌套过深，无法读取",
    "declares charset {declared}, which is not a known encoding; read as detected (UTF-8, else GB18030)":
        "声明字符集为 {declared}，但这不是已知的编码；已按检测到的编码读取（UTF-8，否则 GB18030）",
    "a table of more than {cells} cells (merged cells counted) was cut after row {row}":
        "一个表格超过 {cells} 个单元格（合并单元格按所占位置计），已在第 {row} 行后截断",
    "tables nested more than {depth} deep were read as plain paragraphs": "嵌套超过 {depth} 层的表格已按普通段落读取",
    "{path}: the part {part} of the Word document inflates to {size} MiB, more than the {limit} MiB gapcalc reads":
        "{path}：Word 文档的部件 {part} 解压后为 {size} MiB，超过 gapcalc 可读的 {limit} MiB",
    "{path}: the parts of the Word document inflate to {size} MiB, more than the {limit} MiB gapcalc reads":
        "{path}：Word 文档各部件解压后共 {size} MiB，超过 gapcalc 可读的 {limit} MiB",
    "the file is damaged or not a plan (a zip bomb?); save the plan again from Word, or as PDF or text":
        "文件已损坏或不是规划文件（zip 炸弹？）；请用 Word 重新保存规划，或另存为 PDF 或文本",
    "{path}: the PDF's page tree is nested too deeply to read": "{path}：PDF 的页面树嵌套过深，无法读取",
    "{path}: the PDF nests its objects too deeply to read": "{path}：PDF 的对象嵌套过深，无法读取",
    "{path}: no page of the PDF could be read: {reason}": "{path}：PDF 没有一页可读：{reason}",
    "page {page} skipped: {reason}": "已跳过第 {page} 页：{reason}",
    "the document's text has {count} characters, more than the {bound} gapcalc draft reads":
        "文档文字有 {count} 个字符，超过 gapcalc draft 可读的 {bound} 个",
    "the document's text has more than {bound} lines, more than gapcalc draft reads":
        "文档文字超过 {bound} 行，超过 gapcalc draft 可读的行数",
    "the document's markup has more than {bound} elements, more than gapcalc draft reads":
        "文档的标记超过 {bound} 个元素，超过 gapcalc draft 可读的数量",
    "the document prints more than {bound} numbers, more than gapcalc draft reads":
        "文档中的数字超过 {bound} 个，超过 gapcalc draft 可读的数量",
    "the document states more than {bound} targets, more than gapcalc draft reads":
        "文档列出的目标超过 {bound} 个，超过 gapcalc draft 可读的数量",
    "the document states more than {bound} targets of one indicator ({name}), more than gapcalc draft reads":
        "文档中同一指标（{name}）的目标超过 {bound} 个，超过 gapcalc draft 可读的数量",
    "give the part of the plan with its targets (the chapter of main targets and its tables), or split the "
    "document and draft each part under its own --plan":
        "只提供规划中列出目标的部分（主要目标一章及其表格），或将文档拆分，每部分用各自的 --plan 起草",
    "page {page}: too many drawn lines and shapes to look for tables in (a map or a chart?); its text is read without "
    "tables": "第 {page} 页：绘制的线条和图形过多，无法查找表格（地图或图表？）；只读取其文字，不读表格",
    "its content inflates to more than {limit} MiB (a map or a drawing?)":
        "其内容解压后超过 {limit} MiB（地图或绘图？）",
    "it prints more than {count} characters": "其字符超过 {count} 个",
    "save the plan as UTF-8 text (or give the .docx, PDF or HTML file)":
        "将规划另存为 UTF-8 文本（或给出 .docx、PDF 或 HTML 文件）",
    "see `gapcalc targets PLAN` for indicator ids": "指标 id 见 `gapcalc targets 规划`",
    "no plan has an indicator '{indicator_id}'": "没有规划含指标“{indicator_id}”",
    "`gapcalc targets {id}` shows the level of every target": "`gapcalc targets {id}` 列出每个目标的水平",
    "`gapcalc targets {id}` lists every indicator": "`gapcalc targets {id}` 列出所有指标",
    "breakdowns: {breakdowns}": "分项：{breakdowns}",
    "it has none; leave out --breakdown": "该指标没有分项；去掉 --breakdown",
    "did you mean '{close}'? ({choices})": "是否指“{close}”？（{choices}）",
    "no breakdown '{breakdown}' of indicator '{indicator_id}' in plan {id}":
        "规划 {id} 的指标“{indicator_id}”没有分项“{breakdown}”",
    "indicator '{shown}' has no numeric target: the plan states only its baseline":
        "指标“{shown}”没有数值目标：规划只给出了基期值",
    "no indicator '{indicator_id}' in plan {id}": "规划 {id} 中没有指标“{indicator_id}”",
    "indicator '{indicator_id}' of plan {id} has no headline figure": "规划 {id} 的指标“{indicator_id}”没有总量数字",
    "choose one with --breakdown: {breakdowns}": "用 --breakdown 选择其一：{breakdowns}",
    "indicator '{shown}' is qualitative ({target_text}): there is no number to draw":
        "指标“{shown}”为定性目标（{target_text}）：没有可绘制的数字",
    "chart an indicator with a numeric target; {listing}": "请绘制有数值目标的指标；{listing}",
    "indicator '{shown}' has no numeric target yet: its targets are relative to a baseline or stock that is not known":
        "指标“{shown}”尚无数值目标：其目标相对于未知的基期值或存量",
    "add the {base_year} value to the actuals file; {listing}": "在实际值文件中加入 {base_year} 年的值；{listing}",
    "indicator '{shown}' has a period total as its target: the chart draws levels, not sums of annual flows":
        "指标“{shown}”的目标是期间累计：图表绘制水平值，而非各年流量之和",
    "`gapcalc report {id} YEAR` compares the sum so far with its pro-rata share":
        "`gapcalc report {id} 年份` 将迄今累计与按期分摊的份额比较",
    "{path}: binary file (contains NUL bytes)": "{path}：二进制文件（含 NUL 字节）",
    "target files are UTF-8 TOML text": "目标文件须为 UTF-8 TOML 文本",
    "the disk is full: free some space or write elsewhere": "磁盘已满：腾出空间或写到别处",
    "the disk quota is exceeded: free some space or write elsewhere": "超出磁盘配额：腾出空间或写到别处",
    "check the permissions of the file and its directory, or choose another --output":
        "检查该文件及其目录的权限，或另选 --output",
    "the file system is read-only: choose another --output": "文件系统只读：另选 --output",
    "the directory does not exist: create it or choose another --output": "目录不存在：创建它或另选 --output",
    "the output is a directory: give a file name": "输出是一个目录：请给出文件名",
    "a part of the path is not a directory": "路径中有一部分不是目录",
    "cannot write {path}: {reason}": "无法写入 {path}：{reason}",
    "check the path and that there is space on the disk": "检查路径以及磁盘空间",
    "{path} has {count} error{s}; first: {first}": "{path} 有 {count} 个错误；第一个：{first}",
    "run `gapcalc check {path}`": "运行 `gapcalc check {path}`",
    "{path}: no targets directory": "{path}：没有目标文件目录",
    "pass --targets-dir DIR or set GAPCALC_TARGETS": "指定 --targets-dir 目录，或设置 GAPCALC_TARGETS",
    "'{plan_id}' is not a plan id": "“{plan_id}”不是规划 id",
    "a plan id is lower-case letters, digits and '_' (see `gapcalc plans`)":
        "规划 id 由小写字母、数字和“_”组成（见 `gapcalc plans`）",
    "known plans: {plans}": "已有规划：{plans}",
    "no plan '{plan_id}' in {path}": "{path} 中没有规划“{plan_id}”",
    "binary file (contains NUL bytes)": "二进制文件（含 NUL 字节）",
    "give a text file (CSV or TOML)": "请给出文本文件（CSV 或 TOML）",
    "{path}: neither UTF-8 nor GB18030 text": "{path}：既不是 UTF-8 也不是 GB18030 文本",
    "save it as CSV UTF-8, or pass --encoding": "另存为 CSV UTF-8，或指定 --encoding",
    "{path}: file is larger than the {limit} MiB gapcalc reads": "{path}：文件大于 gapcalc 可读的 {limit} MiB",
    "split the file or check that it is the right one": "拆分文件，或确认文件是否正确",
    "an Excel workbook or other zip archive (xlsx), not CSV text":
        "Excel 工作簿或其他 zip 压缩包（xlsx），不是 CSV 文本",
    "in Excel: File › Save As › CSV UTF-8 (comma delimited), then give that file":
        "在 Excel 中：文件 › 另存为 › CSV UTF-8（逗号分隔），再给出该文件",
    "an old Excel workbook (xls), not CSV text": "旧版 Excel 工作簿（xls），不是 CSV 文本",
    "UTF-16 text ({encoding}) without a byte-order mark": "无字节顺序标记的 UTF-16 文本（{encoding}）",
    "re-save the file as CSV UTF-8, or pass --encoding {encoding}":
        "将文件另存为 CSV UTF-8，或指定 --encoding {encoding}",
    "{path}: {what}": "{path}：{what}",
    "{path}: no such file": "{path}：文件不存在",
    "check the path": "检查路径",
    "{path}: is a directory, not a file": "{path}：是目录，不是文件",
    "give a file, or check the directory": "请给出文件，或检查该目录",
    "{path}: cannot read ({reason})": "{path}：无法读取（{reason}）",
    "check the file's permissions": "检查文件权限",
    "unknown text encoding {encoding}": "未知文本编码 {encoding}",
    "{path}: invalid {encoding} at byte {byte}": "{path}：第 {byte} 字节处不是有效的 {encoding}",
    "re-save the file as CSV UTF-8": "将文件另存为 CSV UTF-8",
    "{path}: file is {size} MiB, larger than the {limit} MiB gapcalc reads":
        "{path}：文件 {size} MiB，大于 gapcalc 可读的 {limit} MiB",
    "{path}: not valid {encoding} (byte {byte})": "{path}：不是有效的 {encoding}（第 {byte} 字节）",
    "try --encoding utf-8 or --encoding gb18030": "试试 --encoding utf-8 或 --encoding gb18030",
    # notes
    "the actuals had {count} error{s} (listed above; those rows are not used): exit 1":
        "实际值有 {count} 个错误（见上；这些行未使用）：退出码 1",
    "skipped: {failure}": "已跳过：{failure}",
    "{path}: {warning}": "{path}：{warning}",
    "actuals of {count} plans: {summary}": "{count} 个规划的实际值：{summary}",
    "wrote {pages} pages for {plans} plans ({langs}; year {year}) to {path}":
        "已将 {plans} 个规划的 {pages} 个页面（{langs}；{year} 年）写入 {path}",
    "wrote {path}: {count} rows to fill for {id} {year}": "已写入 {path}：{id} {year} 年待填 {count} 行",
    "{count} entr{s}": "{count} 项",
    "cache: off ({variable} is set)": "缓存：已关闭（已设置 {variable}）",
    "cache: {folder}: removed {removed} ({size})": "缓存：{folder}：删除 {removed}（{size}）",
    "cache: could not remove {count} entr{s}: {reasons}": "缓存：{count} 项无法删除：{reasons}",
    "cache: left {count} file{s} that gapcalc did not make": "缓存：保留了 {count} 个非 gapcalc 生成的文件",
    "cache: {folder} — set {variable} to move it": "缓存：{folder} — 设置 {variable} 可移动它",
    "cache: {folder} (empty) — set {variable} to move it": "缓存：{folder}（空）— 设置 {variable} 可移动它",
    "{kind}: {entries}, {size}": "{kind}：{entries}，{size}",
    "{path}: GC002 error: {problem}; its plan is reported without actuals":
        "{path}: GC002 error: {problem}；该规划按无实际值报告",
    "wrote {path} ({indicators} indicators, {numbers} numbers) and {source}":
        "已写入 {path}（{indicators} 个指标，{numbers} 个数字）和 {source}",
    "check: {errors} error{s}, {warnings} warning{s2}": "检查：{errors} 个错误，{warnings} 个警告",
    "review ({count}):": "待复核（{count}）：",
    # gapcalc draft: notes in the draft (review items)
    "draft: no known region in the title; fill in region_zh and region_en":
        "draft: 标题中没有可识别的地区；请填写 region_zh 和 region_en",
    "draft: the document states no period; period and years are guesses":
        "draft: 文件未写明规划期；规划期和年份为推测",
    "draft: a list of numbers whose names could not be paired; split by hand":
        "draft: 一组数字无法与名称一一对应；请手工拆分",
    "draft: no name found before or after the number; name the indicator":
        "draft: 数字前后没有找到名称；请为指标命名",
    "draft: a stated situation read as the baseline of {year}": "draft: 所述现状按 {year} 年基期值读取",
    "draft: no year in the sentence; {year} is taken from an earlier sentence or the plan's end":
        "draft: 句中没有年份；{year} 年取自前文或规划期末",
    "draft: no unit printed; index or ratio assumed": "draft: 未标单位；按指数或比值处理",
    "draft: 全年 read as the additions of {year}, the plan's first year":
        "draft: “全年”按规划首年 {year} 年的新增量读取",
    "draft: 全年 read as the count of {year}, the plan's first year":
        "draft: “全年”按规划首年 {year} 年的当年数读取",
    "draft: 全年 read as the amount of {year}, the plan's first year":
        "draft: “全年”按规划首年 {year} 年的当年金额读取",
    "draft: 每年 read as a quota for every year of the plan period": "draft: “每年”按规划期内每一年的指标读取",
    "draft: 每年 read for {year} only: the document prints no span of years; add the others":
        "draft: “每年”仅按{year}年读取：文件未写明起止年份，其余年份请补充",
    "draft: 每年 read as a level held in every year of the plan period":
        "draft: “每年”按规划期内每一年都须达到的水平读取",
    "draft: the row's name completed from the text beside the table ({name}); check it":
        "draft: 行名按表旁正文补全（原为 {name}）；请核对",
    "draft: 全年 read as the change of {year}, the plan's first year":
        "draft: “全年”按规划首年 {year} 年的当年变化率读取",
    "draft: 每年 read as a yearly rate of change in every year of the plan period":
        "draft: “每年”按规划期内每一年的年变化率读取",
    "draft: read as the stock in the target year (cumulative); the verb may mean additions":
        "draft: 按目标年的存量（累计）读取；动词也可能表示新增",
    "draft: 新增 without 每年 read as the total over the plan period": "draft: 无“每年”的“新增”按规划期合计读取",
    "draft: 翻番 read as a 100 % increase over the baseline; fill in the unit":
        "draft: “翻番”按较基期增长 100 % 读取；请填写单位",
    "draft: no year in the sentence; {year} is taken from an earlier sentence":
        "draft: 句中没有年份；{year} 年取自前文",
    "draft: no unit in the row or header; fill in unit": "draft: 行和表头中都没有单位；请填写 unit",
    "draft: no unit in the row; {unit} taken from the text beside the table":
        "draft: 该行没有单位；单位 {unit} 取自表格旁的正文",
    "draft: yearly counts read as {kind} by the total stated beside the table; check it":
        "draft: 按表格旁所述总数，逐年数字读作 {kind}；请核对",
    "draft: counts that rise every year read as a running total (cumulative); check the header":
        "draft: 逐年上升的数量按累计值（cumulative）读取；请核对表头",
    "draft: counts that do not rise every year read as yearly additions (new_in_year)":
        "draft: 并非逐年上升的数量按当年新增（new_in_year）读取",
    "draft: name_en is a keyword guess; write the English name": "draft: name_en 为关键词推测；请填写英文名称",
    "draft: long name; shorten name_zh to the indicator itself": "draft: 名称过长；请将 name_zh 缩短为指标本身",
    "draft: direction of the change not stated; increase assumed": "draft: 未写明变化方向；按增加处理",
    "draft: no title found; write name_zh": "draft: 未找到标题；请填写 name_zh",
    "draft: write the English title": "draft: 请填写英文标题",
    "draft: no document number found; give a short identification": "draft: 未找到文号；请给出简短标识",
    "draft: breakdown keys are the Chinese labels; give ascii keys": "draft: 分项键为中文标签；请改用 ascii 键",
    "draft: {region} is a municipality directly under the central government (直辖市): admin_level {level}; a plan "
    "of one of its districts is municipal":
        "draft: {region}为直辖市，属省级：admin_level 为 {level}；其下辖区的规划为 municipal",
    "draft: title taken from the 《》 that names the plan; check name_zh":
        "draft: 标题取自文中书名号《》所列的规划名称；请核对 name_zh",
    "draft: title taken from the document's first line; check name_zh": "draft: 标题取自文档首行；请核对 name_zh",
    "draft: unit {unit}: the {printed} printed, per the {per} the name begins with; check it":
        "draft: 单位 {unit}：所标单位 {printed}，按名称开头的“{per}”计；请核对",
    "draft: {stretch} is striven for (力争) and {floor} ensured (确保); the ensured figure is the target":
        "draft: 力争 {stretch}、确保 {floor}；以确保数为目标",
    "draft: {stretch} is striven for (力争) beside {plain} stated plainly; the plain figure is the target":
        "draft: 力争 {stretch}，另明确 {plain}；以明确数为目标",
    "draft: compound unit {unit}, one unit counted per {per}; actuals must be in the same unit":
        "draft: 复合单位 {unit}，按每{per}计的一个单位；实际值须用同一单位",
    "draft: the name may lack its subject (what it is the {measure} of); complete it":
        "draft: 名称可能缺少主语（何者的{measure}）；请补全",
    "draft: name cut at {count} characters; check where it ends": "draft: 名称截断为 {count} 个字；请核对名称止于何处",
    "draft: the shared id {shared} is already given to another indicator of this file; this one has the plan-local "
    "id {ident}: merge the two or keep them apart":
        "draft: 共享编号 {shared} 已用于本文件另一指标；此指标使用本规划编号 {ident}：请合并二者或保持分开",
    "draft: the name resembles the shared indicator {shared} ({measure}), but its unit or measure differ; a "
    "plan-local id is given":
        "draft: 名称近似共享指标 {shared}（{measure}），但单位或计量方式不同；已给出本规划编号",
    "draft: no year in the sentence of {count} statements; each takes the year of an earlier sentence or the "
    "plan's end: {which}":
        "draft: {count} 条陈述句中没有年份，各取前文或规划期末的年份：{which}",
    "draft: no year in the sentence of {count} statements; {year} is taken from an earlier sentence or the plan's "
    "end: {which}":
        "draft: {count} 条陈述句中没有年份，{year} 年取自前文或规划期末：{which}",
    "draft: {why} (said once for {count} statements: {which})": "draft: {why}（{count} 条陈述合并说明：{which}）",
    "{why} (and {count} more: lines {lines})": "{why}（另有 {count} 处：第 {lines} 行）",
    "{path}:{line}: {why}": "{path}:{line}: {why}",
    # readings of a draft not reviewed (GC130, GC330) and the review page
    "{field} line {line}": "{field} 第 {line} 行",
    "draft plan header not reviewed ({fields})": "草稿的规划信息未复核（{fields}）",
    "review it against the document, then remove `draft:`": "对照原文复核后删去 `draft:`",
    "draft statement not reviewed: '{quote}' ({id}: {fields})": "草稿陈述未复核：“{quote}”（{id}：{fields}）",
    "review it against the quote, then remove `draft:`": "对照引文复核后删去 `draft:`",
    "{path}: {count} statement{s} not reviewed{header} (GC130)": "{path}：{count} 条陈述未复核{header}（GC130）",
    ", and the plan header": "，规划信息亦未复核",
    "{series} {year}: row not reviewed: '{note}'": "{series} {year}：该行未复核：“{note}”",
    "check the figure against its source, then remove `draft:` from the note":
        "对照来源核对数值后删去 note 中的 `draft:`",
    "wrote {path}: {count} statements, {todo} to review": "已写入 {path}：{count} 条陈述，{todo} 条待复核",
    "--review - : the review page is written to a file": "--review - ：复核页面须写入文件",
    "give a file name, e.g. --review review.html": "请给出文件名，如 --review review.html",
    "{path} cannot be reviewed: {problem}": "{path} 无法复核：{problem}",
    "fix it first (gapcalc check {path} lists every problem)": "请先修正（gapcalc check {path} 列出全部问题）",
    "pass --force to replace it, or choose another file for the page": "加 --force 可替换，或为页面另选文件名",
    # gapcalc draft-actuals: rows drafted from statistics texts, what the actuals file had, the numbers refused
    "drafted {count} row{s}": "已起草 {count} 行",
    "no figure for the indicators of {plan} was found": "未找到 {plan} 各指标的数据",
    "wrote {path} ({count} row{s})": "已写入 {path}（{count} 行）",
    "appended {count} row{s} to {path}": "已向 {path} 追加 {count} 行",
    "skipped {series} {year}: line {line} of {path} has it": "已跳过 {series} {year}：{path} 第 {line} 行已有",
    "not written: {series} {year} {value} conflicts with line {line} of {path} ({other})":
        "未写入：{series} {year} {value} 与 {path} 第 {line} 行（{other}）冲突",
    "not written: {series} {year}: {path} has no column {columns}":
        "未写入：{series} {year}：{path} 没有 {columns} 列",
    "nothing new for {path}": "{path} 无新增行",
    "saved the document's text as {path}": "原文文本已保存为 {path}",
    "the document's text is saved as {path}": "原文文本已保存在 {path}",
    "{path}:{line}: {value} ({indicator}): {why} — “{quote}”":
        "{path}:{line}: {value}（{indicator}）：{why} — “{quote}”",
    "under a heading of targets or plans": "位于目标或工作安排的标题之下",
    "a target, forecast or plan (目标, 力争, 计划…), not a published figure":
        "为目标、预期或计划（目标、力争、计划…），非公布数",
    "a later year than the text reports: a target": "年份晚于原文所报告的年份，为目标",
    "a figure of the country, the province or an average, not the plan's region":
        "为全国、全省或平均数，非规划所在地区",
    "a difference against another figure, not the indicator": "为与其他数值的差距，非本指标",
    "a change since a year that is not the plan's base year": "为较非规划基期年份的变化",
    "a multiple (倍, 翻番): no measure places it": "为倍数（倍、翻番），无法计入",
    "a change in percentage points: no measure places it": "为百分点变化，无法计入",
    "its unit is neither the indicator's nor a scale of it": "单位与指标单位不同，也无法换算",
    "another indicator that shares a word with this one": "为与本指标名称相近的另一指标",
    "measures something else of it (营业收入, 投资, 占比…)": "计量的是其他方面（营业收入、投资、占比…）",
    "a share of another whole": "为占其他总量的比重",
    "one level of an indicator counted at every level": "为按各级合计的指标中的一级",
    "a part of the indicator (高技术, 小巨人, 示范…)": "为指标的一部分（高技术、小巨人、示范…）",
    "a running total; the plan counts additions over its period": "为历年累计数，规划按规划期内新增计",
    "far from the plan's own levels: another scale": "与规划数值相差过大，应为另一口径",
    "another figure of this indicator and year is drafted (one a year)": "本指标本年已起草另一数值（每年一个）",
    "the text does not say its year, nor when it was published": "原文未说明年份，也无发布日期",
    "a year far outside the plan's period": "年份远在规划期之外",
    "a district or county, not the whole region": "为区县数，非全地区",
    "a rate of all society (全社会), not of the enterprises or the industry the plan measures":
        "为全社会口径的比率，非规划所计的企业或行业",
    "a level said to hold throughout a span of years (始终, 一直): no one year's figure":
        "为多年间始终保持的水平（始终、一直），非某一年的数值",
    "a figure of one month alone (9月份, 当月), not of the year so far": "为单月数（9月份、当月），非年初以来累计数",
    "standard input (-) is given more than once": "标准输入（-）给出了不止一次",
    "give - once, and files for the rest": "- 只给一次，其余给出文件",
    "{path}: no header row": "{path}：没有表头行",
    "the first row must name the columns: indicator,year,value,…": "第一行须为列名：indicator,year,value,…",
    "{path}: not an actuals file (no column {columns})": "{path}：不是实际值文件（没有 {columns} 列）",
    "give an actuals file, or a new file name": "请给出实际值文件，或新的文件名",
    "{path} already exists with another text": "{path} 已存在，内容不同",
    "pass --force to replace it, or rename the document": "加 --force 可替换，或将原文改名",
    # click's usage errors (a missing argument, an unknown option, an invalid value)
    "Usage: {usage}": "用法：{usage}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Error: {message}": "错误：{message}",
    "Did you mean {choices}?": "是否应为 {choices}？",
    "(Possible options: {choices})": "（可用的选项：{choices}）",
    "No such option {name}.": "没有选项 {name}",
    "No such command {name}.": "没有命令 {name}",
    "{problem} {suggestion}": "{problem}；{suggestion}",
    "Missing argument {name}.": "缺少参数 {name}",
    "Missing option {name}.": "缺少选项 {name}",
    "Missing parameter {name}.": "缺少参数 {name}",
    "{problem} Choose from: {choices}": "{problem}；可选：{choices}",
    "Invalid value for {name}: {reason}": "{name} 的值无效：{reason}",
    "Invalid value: {reason}": "值无效：{reason}",
    "{value} is not one of {choices}.": "{value} 不是可选的值（{choices}）",
    "{value} is not a valid {kind}.": "{value} 不是有效的{kind}",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内",
    "{kind} {path} does not exist.": "{kind} {path} 不存在",
    "{kind} {path} is a file.": "{kind} {path} 是文件，不是目录",
    "{kind} {path} is a directory.": "{kind} {path} 是目录，不是文件",
    "Option {name} requires an argument.": "选项 {name} 需要一个值",
    "Option {name} requires {count} arguments.": "选项 {name} 需要 {count} 个值",
    "Option {name} does not take a value.": "选项 {name} 不接受值",
    "Argument {name} takes {count} values.": "参数 {name} 需要 {count} 个值",
    "Got unexpected extra arguments ({words})": "多余的参数（{words}）",
    "Missing command.": "缺少命令",
    "expected {what}; usage: {usage}": "应给出 {what}；用法：{usage}",
    "{click_message}": "命令行有误（click 的信息：“{click_message}”）",
    "{click_reason}": "“{click_reason}”",
    # interruptions and internal errors
    "gapcalc: interrupted": "gapcalc: 已中断",
    "gapcalc: terminated": "gapcalc: 已终止",
    "gapcalc: internal error: {kind}: {error}": "gapcalc: 内部错误: {kind}: {error}",
    "this is a bug in gapcalc; rerun with GAPCALC_DEBUG=1 and report the traceback":
        "这是 gapcalc 的缺陷；请用 GAPCALC_DEBUG=1 重新运行并报告回溯信息",
    # gapcalc diff: two report files, or a plan's report on two sides
    "{side}: {said}": "{side}：{said}",
    "{option} {spec}: not a date": "{option} {spec}：不是日期",
    "write the day as YYYY-MM-DD (e.g. 2024-06-30), or give an actuals CSV":
        "日期写作 YYYY-MM-DD（如 2024-06-30），或给出实际值 CSV 文件",
    "{option} {spec}: no such actuals file": "{option} {spec}：实际值文件不存在",
    "give an actuals CSV, or a date YYYY-MM-DD for the plan's actuals as known on that day":
        "给出实际值 CSV 文件，或给出日期 YYYY-MM-DD（按该日已知的规划实际值）",
    "report file {path} does not exist": "报告文件 {path} 不存在",
    "give two reports written by `gapcalc report PLAN YEAR -f csv` (or tsv, json): gapcalc diff --reports OLD NEW":
        "给出两个由 `gapcalc report 规划 年份 -f csv`（或 tsv、json）写出的报告：gapcalc diff --reports 旧报告 新报告",
    "{path} is not a report of `gapcalc report`: {reason}": "{path} 不是 `gapcalc report` 写出的报告：{reason}",
    "write it with `gapcalc report PLAN YEAR -f csv` (or tsv, json)":
        "请用 `gapcalc report 规划 年份 -f csv`（或 tsv、json）写出",
    "not an array of objects": "不是对象数组",
    "usage: gapcalc diff --reports OLD NEW, or gapcalc diff PLAN YEAR --old SPEC [--new SPEC]":
        "用法：gapcalc diff --reports 旧报告 新报告，或 gapcalc diff 规划 年份 --old 文件或日期 [--new 文件或日期]",
    "--reports compares two report files: give no PLAN YEAR, --old or --new":
        "--reports 比较两个报告文件：不要再给出 规划 年份、--old 或 --new",
    "expected PLAN YEAR with --old SPEC, or --reports OLD NEW": "应给出 规划 年份 和 --old，或 --reports 旧报告 新报告",
    "--old SPEC is missing: the side to compare with": "缺少 --old：用来比较的一方（实际值文件或日期）",
}

_KIND_WORDS = {"baseline": "基期值", "level": "水平值", "cumulative": "累计值", "new_in_year": "当年新增",
               "change_vs_baseline": "较基期变化", "pp_change": "百分点变化", "annual_growth": "年均增长",
               "period_total": "期间合计", "qualitative": "定性表述"}
_TYPE_WORDS = {"str": "字符串", "bool": "布尔值", "list": "数组", "dict": "表", "date": "日期", "datetime": "日期时间",
               "time": "时间"}
_SHOWN_WORDS = {"list": "数组", "dict": "表"}
_PATH_WORDS = {"File": "文件", "Directory": "目录", "Path": "路径"}

ZH_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "{count} {reason}": {"reason": {"conflicting duplicate": "重复冲突", "bad shape": "计量方式有误",
                                    "cannot be placed": "无法换算"}},
    "{id} {key} ({key2}): the breakdowns add up to {parts}, the total is {value}": {"key2": _KIND_WORDS},
    "{id}: the milestone {word} from {level} ({year}) to {level2} ({year2}) although direction is {direction}":
        {"word": {"falls": "下降", "rises": "上升"}, "direction": {"up": "up（越高越好）", "down": "down（越低越好）"}},
    "expected a number, got {type} {value}": {"type": _TYPE_WORDS},
    "wrong type at {where}: {msg} (got {shown})": {"shown": _SHOWN_WORDS},
    "invalid value at {where}: {msg} (got {shown})": {"shown": _SHOWN_WORDS},
    "wrong type at {where}: {original} (got {shown})": {"shown": _SHOWN_WORDS},
    "invalid value at {where}: {original} (got {shown})": {"shown": _SHOWN_WORDS},
    "{value} is not a valid {kind}.": {"kind": {"integer": "整数", "float": "数字", "boolean": "布尔值"}},
    "{kind} {path} does not exist.": {"kind": _PATH_WORDS},
    "draft: the name resembles the shared indicator {shared} ({measure}), but its unit or measure differ; a "
    "plan-local id is given": {"measure": {"rate": "比率", "count": "计数", "amount": "金额", "any": "任意"}},
    "{kind} {path} is a file.": {"kind": _PATH_WORDS},
    "{kind} {path} is a directory.": {"kind": _PATH_WORDS},
}
"""The Chinese of code words a message carries as a field, by template and field: a kind of statement, a reason a
row was not used, a Python type named by a schema error. A plain field (not a message) is said by its word here,
else as it is."""
