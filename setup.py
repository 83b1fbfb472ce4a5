"""Package list for setuptools (everything else is in pyproject.toml).

`resources/` and `i18n/` sit at the top of the checkout and are installed as the data packages
`desktop_app.assets` and `desktop_app.translations` ([tool.setuptools.package-dir]); package
discovery cannot see folders that are mapped there, so they are named here.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["desktop_app", "desktop_app.*"]),
        "desktop_app.assets",
        "desktop_app.translations",
    ]
)
