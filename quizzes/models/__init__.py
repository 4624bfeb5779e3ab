from .reflections import ReflectionAnswer

__all__ = ["ReflectionAnswer"]
