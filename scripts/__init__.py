"""Tools that turn the pattern files into the catalog site: schema, validator, generator, hooks."""
