"""The demo app is the top layer: it may import every app, and no app imports it (tests may),
so the site runs the same with or without it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_PRODUCT_CODE = {"demo", "tests", "bench"}


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def product_files():
    """Every module of the project's packages (the top-level folders with an __init__.py)."""
    for package in ROOT.glob("*/__init__.py"):
        if package.parent.name not in NOT_PRODUCT_CODE:
            yield from package.parent.rglob("*.py")


def test_no_app_imports_the_demo_app():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in product_files()
        for module in imported_modules(path)
        if module == "demo" or module.startswith("demo.")
    ]
    assert offenders == []


def test_the_check_sees_an_import_of_the_demo_app(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("from demo.organisation import DEFAULT_PASSWORD\nimport demo.site\n")
    assert list(imported_modules(module)) == ["demo.organisation", "demo.site"]
