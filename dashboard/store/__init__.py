"""The store: the DuckDB files (``files``), the version each worker serves (``context``), the
codes and names read once (``catalog``, from ``reference``) and the SQL helpers every query uses
(``sql``)."""
