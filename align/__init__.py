"""align — checks Chinese machine translations of English text."""

__version__ = "0.6.3"
