"""Built-in Python rules. Every Rule subclass defined in a module here is registered."""
