"""One module per ``blotter`` command; see ``blotter.cli``."""
