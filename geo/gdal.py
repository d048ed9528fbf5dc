"""GDAL, locked down once for the whole process: users' files reach four drivers, no network.

An uploaded file is hostile until proven otherwise. GDAL picks a driver by content, and some
drivers follow what a file names: a VRT document opens any file on the server or any URL
(``/vsicurl/``), GML and KML resolve links and entities. So, in every process that imports
``geo``:

- every driver but :data:`ALLOWED_DRIVERS` is deregistered, and ``GDAL_SKIP`` names them so
  a later ``GDALAllRegister`` cannot bring them back;
- GDAL lists no folder when it opens a file (no sidecar is found that the data did not
  come with) and SQLite-based files cannot reach outside themselves;
- ``/vsicurl/`` and PROJ's network are off.

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


def lock_down() -> None:
    """Apply :data:`CONFIG` and keep only :data:`ALLOWED_DRIVERS`; check that it held.

    Raises
    ------
    RuntimeError
        If a driver outside the allow-list is still registered afterwards.
    """
    os.environ["PROJ_NETWORK"] = "OFF"
    removed = _deregister_others(_gdal_library())
    skip = " ".join(sorted(set(removed) | set((pyogrio.get_gdal_config_option("GDAL_SKIP") or "").split())))
    pyogrio.set_gdal_config_options({**CONFIG, "GDAL_SKIP": skip})
    left = set(pyogrio.list_drivers()) - ALLOWED_DRIVERS
    if left:
        raise RuntimeError(f"GDAL drivers still registered after the lock-down: {sorted(left)}")


lock_down()
