"""The package's version: scripts/build-wheel.sh writes the packaged binary's `qkverify --version` here."""

__version__ = "0.1.0"
