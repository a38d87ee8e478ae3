public enum WardenIRCPlaceholder {}
