"""Team-server passwords in the OS keyring (``keyring``), never in settings files or logs.

A password is kept under the service ``dtbench`` and the name ``login@host:port/database``,
so one login on two servers (or two databases) keeps two passwords. A URL given without a
password takes it from here.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

SERVICE = "dtbench"
DEFAULT_PORT = 5432


def is_server(target: str | None) -> bool:
    """Whether ``--db`` names a PostgreSQL server (not a SQLite file)."""
    if not target or "://" not in target:
        return False
    try:
        return make_url(target).get_backend_name() == "postgresql"
    except Exception:  # not a URL at all: the store says what is wrong with it
        return False


def account(url: str | URL) -> str:
    """The keyring's name for this login on this server's database."""
    parsed = make_url(url)
    port = parsed.port or DEFAULT_PORT
    return f"{parsed.username or ''}@{parsed.host or 'localhost'}:{port}/{parsed.database or ''}"


def _keyring():  # type: ignore[no-untyped-def]
    import keyring

    return keyring


def stored_password(url: str | URL) -> str | None:
    """The password kept for this login, or None (also when there is no usable keyring)."""
    try:
        return _keyring().get_password(SERVICE, account(url))
    except Exception:  # no keyring backend on this machine, a locked keyring: ask instead
        return None


def remember_password(url: str | URL, password: str) -> bool:
    """Keep the password in the keyring; False when there is no keyring to keep it in."""
    try:
        _keyring().set_password(SERVICE, account(url), password)
    except Exception:  # no usable keyring: the password is simply not remembered
        return False
    return True


def forget_password(url: str | URL) -> None:
    """Remove the kept password (after the server refused it, or on request)."""
    try:
        _keyring().delete_password(SERVICE, account(url))
    except Exception:  # nothing kept, or no keyring: nothing to forget
        return


def password_for(url: str) -> str | None:
    """The password to connect with: the URL's own, else the keyring's, else None."""
    parsed = make_url(url)
    if parsed.password is not None:
        return None  # the URL carries it; the driver takes it from there
    return stored_password(parsed)


def without_password(url: str | URL) -> str:
    """``url`` with any password removed (for settings, titles and messages). (``URL.set``
    cannot remove one: ``password=None`` there means "unchanged".)"""
    u = make_url(url)
    bare = URL.create(
        u.drivername,
        username=u.username,
        host=u.host,
        port=u.port,
        database=u.database,
        query=u.query,
    )
    return bare.render_as_string(hide_password=False)
