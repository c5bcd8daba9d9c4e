"""mopsdocs: documentation as code for marketing-operations teams."""

__version__ = "0.1.0"
