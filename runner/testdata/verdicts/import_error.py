# want: compile-error
# message: ModuleNotFoundError
import no_such_module_anywhere  # noqa: F401


def add(a, b):
    return a + b
