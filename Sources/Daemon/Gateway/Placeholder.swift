import WardenIRC
