"""GDAL, locked down once for the whole process: users' files reach four drivers, no network.

An uploaded file is hostile until proven otherwise. GDAL picks a driver by content, and some
drivers follow what a file names: a VRT document opens any file on the server or any URL
(``/vsicurl/``), GML and KML resolve links and entities. So, in every process that imports
``geo``:

- every driver but :data:`ALLOWED_DRIVERS` is deregistered, and ``GDAL_SKIP`` names them so
  a later ``GDALAllRegister`` cannot bring them back;
- GDAL lists no folder when it opens a file (no sidecar is found that the data did not
  come with) and SQLite-based files cannot reach outside themselves;
- every HTTP request GDAL would make (``CPLHTTPFetch``: a GeoJSON ``crs`` link, a CRS given
  as a URL) is answered "refused" without touching the network; ``/vsicurl/`` and PROJ's
  network are off.

:mod:`geo.io` also checks each file's content against what its name says before GDAL sees
it, and passes the driver explicitly where GDAL allows it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from pathlib import Path
from typing import Final

import pyogrio

#: The only drivers the process keeps: what users may send and what we write, plus GDAL's
#: in-memory drivers, which pyogrio uses for its own work.
ALLOWED_DRIVERS: Final[frozenset[str]] = frozenset(
    {"GeoJSON", "GPKG", "FlatGeobuf", "ESRI Shapefile", "MEM", "Memory"}
)
#: GDAL settings that keep a file from reaching anything but itself.
CONFIG: Final[dict[str, str]] = {
    # Do not list the file's folder: a driver finds no sidecar but those asked for by name.
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    # No SQLite virtual tables over other files (VirtualOGR) from a GeoPackage.
    "OGR_SQLITE_ALLOW_EXTERNAL_ACCESS": "NO",
    "GDAL_ALLOW_REMOTE_RESOURCE_TO_ACCESS_LOCAL_FILE": "NO",
    # /vsicurl/ treats only files with these endings as existing: none can have it.
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".no-network-access",
    "PROJ_NETWORK": "OFF",
}


def _gdal_library() -> ctypes.CDLL:
    """The GDAL library pyogrio is linked with (bundled in its wheel, or the system's)."""
    bundled = sorted((Path(pyogrio.__file__).parent.parent / "pyogrio.libs").glob("libgdal*"))
    name = str(bundled[0]) if bundled else ctypes.util.find_library("gdal")
    if not name:
        raise RuntimeError("GDAL library of pyogrio not found: cannot lock its drivers down")
    return ctypes.CDLL(name)


def _deregister_others(lib: ctypes.CDLL) -> list[str]:
    lib.GDALGetDriverCount.restype = ctypes.c_int
    lib.GDALGetDriver.restype = ctypes.c_void_p
    lib.GDALGetDriver.argtypes = [ctypes.c_int]
    lib.GDALGetDriverShortName.restype = ctypes.c_char_p
    lib.GDALGetDriverShortName.argtypes = [ctypes.c_void_p]
    lib.GDALDeregisterDriver.argtypes = [ctypes.c_void_p]
    removed = []
    # Backwards, since deregistering shifts the indices after it.
    for index in range(lib.GDALGetDriverCount() - 1, -1, -1):
        driver = lib.GDALGetDriver(index)
        name = lib.GDALGetDriverShortName(driver).decode()
        if name not in ALLOWED_DRIVERS:
            lib.GDALDeregisterDriver(driver)
            removed.append(name)
    return removed


#: ``CPLHTTPFetchCallbackFunc``: (url, options, progress, progress arg, write, write arg, user
#: data) -> ``CPLHTTPResult *``.
_FETCH = ctypes.CFUNCTYPE(
    ctypes.c_void_p,
    ctypes.c_char_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
)
#: Size to allocate for a ``CPLHTTPResult`` (about 64 bytes on 64-bit builds), zeroed.
_RESULT_BYTES: Final[int] = 256
#: URLs GDAL asked for since the lock-down, all refused (for tests and logs).
refused_urls: list[str] = []


def _refuse_network(lib: ctypes.CDLL) -> object:
    """Answer every HTTP fetch of GDAL with a failed result; return the callback to keep alive."""
    lib.VSICalloc.restype = ctypes.c_void_p
    lib.VSICalloc.argtypes = [ctypes.c_size_t, ctypes.c_size_t]

    def refuse(url: bytes | None, *_: object) -> int | None:
        refused_urls.append((url or b"").decode(errors="replace"))
        result = lib.VSICalloc(1, _RESULT_BYTES)
        if result:
            # nStatus, the struct's first field: non-zero means the request failed. GDAL
            # frees the result (CPLHTTPDestroyResult) with VSIFree, hence VSICalloc.
            ctypes.cast(result, ctypes.POINTER(ctypes.c_int))[0] = 1
        return result

    callback = _FETCH(refuse)
    lib.CPLHTTPSetFetchCallback.argtypes = [_FETCH, ctypes.c_void_p]
    lib.CPLHTTPSetFetchCallback(callback, None)
    return callback


_callbacks: list[object] = []


def lock_down() -> None:
    """Apply :data:`CONFIG` and keep only :data:`ALLOWED_DRIVERS`; check that it held.

    Raises
    ------
    RuntimeError
        If a driver outside the allow-list is still registered afterwards.
    """
    os.environ["PROJ_NETWORK"] = "OFF"
    lib = _gdal_library()
    removed = _deregister_others(lib)
    # ctypes callbacks must outlive their use: keep a reference for the process's lifetime.
    _callbacks.append(_refuse_network(lib))
    skip = " ".join(sorted(set(removed) | set((pyogrio.get_gdal_config_option("GDAL_SKIP") or "").split())))
    pyogrio.set_gdal_config_options({**CONFIG, "GDAL_SKIP": skip})
    left = set(pyogrio.list_drivers()) - ALLOWED_DRIVERS
    if left:
        raise RuntimeError(f"GDAL drivers still registered after the lock-down: {sorted(left)}")


lock_down()
