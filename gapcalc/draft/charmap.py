"""One-for-one character folding for recognition: full-width forms to ASCII, traditional to simplified characters.

The folded text has exactly the length of the original, so a match found in it is a span of the original text and a
quote cut from the original stays verbatim. The traditional map covers the characters that plan documents use;
a character it does not know is kept as it is.
"""

from __future__ import annotations

_TRADITIONAL = (
    "慶庆萬万億亿億亿達达個个戶户條条項项臺台臺台計计別别點点過过長长產产業业規规總总級级發发開开關关於于為为與与"
    "這这會会來来對对時时從从實实現现經经濟济質质據据數数據据務务員员區区縣县廠厂場场車车軟软體体機机電电"
    "網网絡络雲云聯联線线庫库應应應应設设計计術术創创環环綠绿節节約约資资歸归處处優优勢势強强領领導导礎础"
    "準准標标認认證证檢检測测監监驗验範范圍围廣广際际國国區区鎮镇鄉乡鐵铁鋼钢煉炼礦矿紡纺織织醫医藥药療疗"
    "營营銷销貿贸買买賣卖債债稅税費费財财價价錢钱貸贷幣币銀银險险預预約约級级並并將将進进這这還还讓让選选"
    "達达遞递運运連连遠远適适邊边輛辆輕轻載载輸输轉转農农莊庄華华協协單单衛卫廳厅壓压縮缩績绩續续維维紀纪"
    "組组織织結结給给統统綜综緊紧總总繼继縱纵層层屬属歲岁舊旧書书畫画麗丽齊齐龍龙門门問问間间閱阅陸陆陽阳隊队"
    "階阶際际隨随險险雙双難难離离雜杂頂顶項项順顺須须領领頻频題题額额顯显風风飛飞養养館馆馬马驅驱髮发鬥斗"
    "魚鱼鳥鸟麥麦黃黄齡龄補补製制複复覆覆見见規规視视覽览觀观觸触訂订記记講讲許许診诊試试話话詳详認认誕诞"
    "語语說说調调談谈請请諮咨謀谋證证識识譜谱議议護护讀读變变貨货質质購购贏赢賽赛趨趋躍跃軍军較较輔辅辦办"
    "遲迟週周產产畢毕異异當当療疗發发盡尽監监盤盘碼码磚砖禮礼穩稳競竞筆笔築筑簡简糧粮緒绪線线練练縣县"
    "罰罚聲声腦脑膽胆臨临興兴舉举艦舰藝艺蘇苏號号蟲虫裝装製制複复視视親亲觀观訊讯訓训設设訪访評评證证"
    "豐丰貝贝負负貢贡貫贯責责貴贵貿贸資资賓宾賴赖贊赞趕赶蹤踪車车軌轨軸轴輪轮辦办邁迈郵邮鄰邻醫医釋释"
    "針针鈉钠銅铜鋁铝錄录鍛锻鍵键鎖锁鏈链鐘钟門门閉闭開开閒闲閘闸閥阀關关陣阵陳陈險险雖虽電电霧雾靜静"
    "頁页預预頭头頻频顆颗願愿類类風风飼饲餘余驗验體体高高鬆松魯鲁鳳凤麵面黨党齒齿億亿倉仓們们係系侖仑"
    "倫伦偉伟側侧備备傳传傷伤僅仅價价優优儲储兒儿內内兩两冊册凈净減减則则剛刚劃划劇剧務务動动勞劳勵励"
    "勢势勻匀區区協协厭厌參参雙双發发變变叢丛吳吴員员問问啟启喚唤噸吨嚴严團团園园圖图圍围報报場场塊块"
    "塗涂墊垫壞坏壯壮壽寿夠够夢梦奪夺奮奋婦妇媽妈學学寧宁審审寫写寬宽寶宝將将專专尋寻對对導导屆届層层"
    "嶺岭巖岩幣币幫帮廟庙廢废廣广張张彈弹強强歸归徹彻從从復复徵征態态慣惯慮虑憑凭應应懷怀戰战戶户撥拨"
    "據据擇择擊击擁拥擔担擴扩擺摆攜携敗败敵敌數数斂敛斷断於于時时晉晋暢畅曉晓暫暂書书會会東东條条來来"
    "極极構构槍枪樂乐標标樞枢樣样橋桥機机檔档權权歐欧歡欢殘残殺杀殼壳毀毁氣气決决沒没溝沟滅灭滬沪漢汉"
    "潔洁潤润濃浓濕湿灣湾災灾為为烏乌無无煙烟熱热燈灯營营爭争爾尔牆墙獎奖獨独環环現现瑪玛產产畝亩畫画"
    "異异疊叠療疗癥症盜盗盧卢眾众礎础確确禮礼種种稱称穀谷積积穩稳窮穷競竞筆笔範范築筑簽签籌筹糾纠紅红"
    "約约級级紙纸紛纷素素細细終终組组經经綁绑綱纲網网綠绿緣缘縮缩績绩繁繁纖纤罷罢義义習习聖圣聞闻聯联"
    "職职肅肃腫肿膠胶臉脸與与舊旧艱艰莊庄薦荐薪薪藍蓝蘭兰處处號号蠶蚕術术衝冲補补裡里製制規规覺觉覽览"
    "訴诉詢询該该誠诚誤误課课誰谁調调論论諸诸謝谢證证警警譯译讚赞豬猪貓猫貸贷賀贺資资賦赋質质賬账購购"
    "趙赵跡迹軒轩軟软較较載载輩辈輯辑轄辖農农逕径進进過过達达違违遙遥遜逊遺遗鄭郑釀酿鉤钩銳锐錯错鍋锅"
    "鎮镇長长閃闪閣阁隱隐雞鸡離离靈灵韓韩響响頒颁頓顿頗颇顧顾顏颜飯饭飲饮駐驻騰腾驚惊髒脏鬧闹鹽盐麼么"
    "點点齊齐歷历曆历賴赖億亿兆兆貨货瀏浏覽览懸悬豎竖擬拟稅税權权斤斤廈厦淨净釐厘籃篮緩缓絲丝頻频儀仪"
    "滿满潛潜濟济瀾澜瀟潇灑洒煉炼燒烧牽牵狀状獲获瑤瑶璽玺貳贰參参陸陆柒柒捌捌玖玖拾拾佰佰仟仟換换"
)
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_SPACES = {0x3000: 0x20, 0xA0: 0x20}


def _traditional_pairs() -> dict[int, int]:
    text = _TRADITIONAL
    return {ord(text[i]): ord(text[i + 1]) for i in range(0, len(text) - 1, 2) if text[i] != text[i + 1]}


FOLD_TABLE: dict[int, int] = {**_traditional_pairs(), **_FULL_WIDTH, **_SPACES}


def fold(text: str) -> str:
    """``text`` with full-width forms as ASCII and traditional characters as simplified ones, same length."""
    return text.translate(FOLD_TABLE)


def has_traditional(text: str) -> bool:
    """Whether ``text`` holds characters of the traditional map (the document is written in traditional script)."""
    sample = text[:20000]
    return sum(1 for ch in "國業產發為這個們會來對進經與關於實現" if ch in sample) >= 3
