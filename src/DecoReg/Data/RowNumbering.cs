namespace DecoReg.Data;

/// <summary>
/// How a <see cref="Table"/>'s row numbers relate to its source, so error messages point at the right place.
/// Every row carries a 1-based number in this scheme (kept through <see cref="Table.Select"/>).
/// </summary>
public enum RowNumbering
{
    /// <summary>1-based data row of a file with a header; the header line is not counted (CSV).</summary>
    DataRowAfterHeader,
    /// <summary>1-based line number in the file (JSON Lines, UCI data.txt).</summary>
    FileLine,
    /// <summary>1-based position in an in-memory table.</summary>
    InMemory,
    /// <summary>Position in a JSON array (e.g. a request's rows); stored 1-based, described as the 0-based index <c>[i]</c>.</summary>
    ArrayItem,
}
