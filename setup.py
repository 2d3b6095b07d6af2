"""Build hook: the wheel carries the shipped plans, their actuals, source documents and schema in gapcalc/data/.

They live at the top of the repository (targets/, actuals/, docs/sources/, schemas/); building copies them into the
package so that an installed gapcalc works in any directory. Everything else is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = ("targets", "actuals", "docs/sources", "schemas")


class BuildWithData(build_py):
    """build_py, then the bundled data copied beside the modules."""

    def run(self) -> None:
        super().run()
        root = Path(__file__).resolve().parent
        data = Path(self.build_lib) / "gapcalc" / "data"
        for folder in BUNDLED:
            source = root / folder
            if source.is_dir():
                shutil.copytree(source, data / folder, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": BuildWithData})
