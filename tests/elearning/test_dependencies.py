"""The apps depend one way (pyproject.toml, [tool.importlinter]): a lower app never imports
a higher one, so an import cycle between apps fails the suite, not only `lint-imports`."""

from pathlib import Path

from importlinter import configuration
from importlinter.application.app_config import settings
from importlinter.application.use_cases import lint_imports

configuration.configure()
PYPROJECT = str(Path(__file__).resolve().parents[2] / "pyproject.toml")


def contracts_kept():
    # Debug mode: a configuration error raises instead of reading as a broken contract.
    return lint_imports(config_filename=PYPROJECT, cache_dir=None, is_debug_mode=True, no_logo=True)


def test_apps_depend_one_way():
    assert contracts_kept(), "an app imports a higher one: see the report above"


class WithImport:
    """The project's import graph, plus one import."""

    def __init__(self, builder, importer, imported):
        self.builder, self.importer, self.imported = builder, importer, imported

    def build(self, **kwargs):
        graph = self.builder.build(**kwargs)
        graph.add_import(importer=self.importer, imported=self.imported, line_number=1, line_contents="")
        return graph


def test_a_page_importing_learning_records_breaks_the_contract(monkeypatch):
    builder = WithImport(settings.GRAPH_BUILDER, "courses.models.pages", "records.models")
    monkeypatch.setattr(settings, "GRAPH_BUILDER", builder)
    assert not contracts_kept()


def test_a_project_helper_importing_an_app_breaks_the_contract(monkeypatch):
    builder = WithImport(settings.GRAPH_BUILDER, "elearning.permissions", "people.models")
    monkeypatch.setattr(settings, "GRAPH_BUILDER", builder)
    assert not contracts_kept()


def test_an_app_importing_the_demo_loader_breaks_the_contract(monkeypatch):
    builder = WithImport(settings.GRAPH_BUILDER, "api.views", "demo.organisation")
    monkeypatch.setattr(settings, "GRAPH_BUILDER", builder)
    assert not contracts_kept()
