"""align — checks Chinese machine translations of English text."""

__version__ = "0.8.12"
