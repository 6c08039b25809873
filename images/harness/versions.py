"""Print the runtime's versions as JSON (written into the image at build time)."""
import json
import platform

import aiosqlite
import greenlet
import pytest
import sqlalchemy

try:
    from importlib.metadata import version

    flask_sqlalchemy_version = version("flask-sqlalchemy")
except Exception:  # pragma: no cover - optional
    flask_sqlalchemy_version = ""

print(json.dumps({
    "python": platform.python_version(),
    "sqlalchemy": sqlalchemy.__version__,
    "pytest": pytest.__version__,
    "aiosqlite": getattr(aiosqlite, "__version__", ""),
    "greenlet": getattr(greenlet, "__version__", ""),
    "flask_sqlalchemy": flask_sqlalchemy_version,
}, sort_keys=True))
