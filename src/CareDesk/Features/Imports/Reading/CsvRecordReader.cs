using System.Text;

namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// RFC 4180 records from text: quoted delimiters, doubled quotes and quoted CR/LF are data; records end at CRLF, LF or
/// a lone CR (old Mac Excel); blank lines are skipped without taking a record number.
/// </summary>
/// <remarks>
/// Hand-written rather than a CSV library because the import needs three things per record that libraries throw or
/// hide: the physical line it starts on, a reported (not thrown) <c>column_count</c> or <c>unterminated_quote</c>,
/// and recovery after a stray quote, so that the records after it still import. Leniencies, as Excel reads them:
/// a quote inside an unquoted field and text after a closing quote are kept as written; fields beyond the header's
/// count are accepted when all are empty (exports with a trailing delimiter on every row).
/// A stray quote: a quoted field that runs past <see cref="CsvReadLimits"/> or to the end of the file, or a record
/// spanning several lines whose field count is wrong, is taken to be a quote that never closes: the record's first
/// line is reported as <c>unterminated_quote</c> and reading resumes at the line after it. Memory stays bounded by
/// <see cref="CsvReadLimits.MaxCharsInRecord"/>.
/// </remarks>
public sealed class CsvRecordReader
{
    private static readonly char[] CandidateDelimiters = [',', ';', '\t', '|'];

    private readonly TextReader _reader;
    private readonly CsvReadLimits _limits;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _raw = new();
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private string _pushback = "";
    private int _pushbackPosition;
    private int _line = 1;

    private CsvRecordReader(TextReader reader, CsvReadLimits limits)
    {
        _reader = reader;
        _limits = limits;
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }

    public char Delimiter { get; private set; } = ',';

    /// <summary>The header's field count, set once the header is read; records with another count are <c>column_count</c>.</summary>
    public int? ExpectedFieldCount { get; set; }

    /// <summary>
    /// Opens the text; without a <paramref name="delimiter"/> it is sniffed from the first line outside quotes, or
    /// taken from Excel's <c>sep=;</c> hint line, which is then skipped.
    /// </summary>
    public static CsvRecordReader Open(TextReader reader, char? delimiter = null, CsvReadLimits? limits = null)
    {
        var csv = new CsvRecordReader(reader, limits ?? new CsvReadLimits());
        var firstLine = csv.PeekFirstLine();
        if (firstLine.Length == 5 && firstLine.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            csv.Delimiter = delimiter ?? firstLine[4];
            csv._pushback = "";
            csv.SkipLineBreak();
            return csv;
        }

        csv.Delimiter = delimiter ?? SniffDelimiter(firstLine);
        return csv;
    }

    /// <summary>The candidate (comma, semicolon, tab, pipe) seen most often outside quotes; comma when none is.</summary>
    public static char SniffDelimiter(string headerLine)
    {
        Span<int> counts = stackalloc int[CandidateDelimiters.Length];
        var quoted = false;
        foreach (var ch in headerLine)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                var index = Array.IndexOf(CandidateDelimiters, ch);
                if (index >= 0)
                {
                    counts[index]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return CandidateDelimiters[best];
    }

    public IEnumerable<CsvRecord> ReadRecords()
    {
        while (ReadRecord() is { } record)
        {
            yield return record;
        }
    }

    /// <summary>The next record, or null at the end of the text.</summary>
    public CsvRecord? ReadRecord()
    {
        while (true)
        {
            var c = Read();
            switch (c)
            {
                case -1:
                    return null;
                case '\r' or '\n':
                    if (c == '\r' && Peek() == '\n')
                    {
                        Read();
                    }

                    _line++;
                    continue;
                default:
                    return ParseRecord(c);
            }
        }
    }

    private CsvRecord ParseRecord(int first)
    {
        var startLine = _line;
        var fields = new List<string>(ExpectedFieldCount ?? 8);
        var state = State.FieldStart;
        var quotedLineBreaks = 0;
        _raw.Clear();
        _field.Clear();
        for (var c = first; ; c = Read())
        {
            if (c == -1)
            {
                if (state == State.Quoted)
                {
                    return Unterminated(startLine);
                }

                fields.Add(_field.ToString());
                return Complete(startLine, fields, quotedLineBreaks, terminatorLength: 0);
            }

            var ch = (char)c;
            if (state == State.Quoted)
            {
                if (ch == '"')
                {
                    _raw.Append('"');
                    if (Peek() == '"')
                    {
                        Read();
                        _raw.Append('"');
                        _field.Append('"');
                    }
                    else
                    {
                        state = State.AfterQuote;
                    }

                    continue;
                }

                _raw.Append(ch);
                _field.Append(ch);
                if (ch == '\n' || (ch == '\r' && Peek() != '\n'))
                {
                    _line++;
                    quotedLineBreaks++;
                }

                // Not between CR and LF, so that resuming never starts on half a line break.
                if (ch != '\r' && (quotedLineBreaks >= _limits.MaxLinesInRecord || _raw.Length >= _limits.MaxCharsInRecord))
                {
                    return Unterminated(startLine);
                }
            }
            else if (ch == Delimiter)
            {
                _raw.Append(ch);
                fields.Add(_field.ToString());
                _field.Clear();
                state = State.FieldStart;
            }
            else if (ch is '\r' or '\n')
            {
                _raw.Append(ch);
                if (ch == '\r' && Peek() == '\n')
                {
                    _raw.Append((char)Read());
                }

                _line++;
                fields.Add(_field.ToString());
                return Complete(startLine, fields, quotedLineBreaks, terminatorLength: ch == '\r' && _raw[^1] == '\n' ? 2 : 1);
            }
            else if (ch == '"' && state == State.FieldStart)
            {
                _raw.Append(ch);
                state = State.Quoted;
            }
            else
            {
                _raw.Append(ch);
                _field.Append(ch);
                state = State.Unquoted;
            }
        }
    }

    private CsvRecord Complete(int startLine, List<string> fields, int quotedLineBreaks, int terminatorLength)
    {
        if (ExpectedFieldCount is not { } expected || fields.Count == expected)
        {
            return new CsvRecord(startLine, fields, null, null);
        }

        if (fields.Count > expected && fields.Skip(expected).All(f => f.Length == 0))
        {
            fields.RemoveRange(expected, fields.Count - expected);
            return new CsvRecord(startLine, fields, null, null);
        }

        // A multi-line record with the wrong count is most likely a stray quote that closed on a later line.
        if (quotedLineBreaks > 0)
        {
            return Unterminated(startLine);
        }

        return new CsvRecord(startLine, fields, RecordProblem.ColumnCount, _raw.ToString(0, _raw.Length - terminatorLength));
    }

    private CsvRecord Unterminated(int startLine)
    {
        var raw = _raw.ToString();
        var lineBreak = raw.AsSpan().IndexOfAny('\r', '\n');
        var firstLine = lineBreak < 0 ? raw : raw[..lineBreak];
        var rest = "";
        if (lineBreak >= 0)
        {
            var next = lineBreak + (raw[lineBreak] == '\r' && lineBreak + 1 < raw.Length && raw[lineBreak + 1] == '\n' ? 2 : 1);
            rest = raw[next..];
        }

        _pushback = rest + _pushback[_pushbackPosition..];
        _pushbackPosition = 0;
        _line = startLine + 1;
        return new CsvRecord(startLine, [], RecordProblem.UnterminatedQuote, firstLine);
    }

    private string PeekFirstLine()
    {
        var line = new StringBuilder();
        while (line.Length < _limits.MaxCharsInRecord && Peek() is var c and not (-1 or '\r' or '\n'))
        {
            line.Append((char)c);
            Read();
        }

        _pushback = line.ToString();
        _pushbackPosition = 0;
        return _pushback;
    }

    private void SkipLineBreak()
    {
        var c = Read();
        if (c == '\r' && Peek() == '\n')
        {
            Read();
        }

        if (c != -1)
        {
            _line++;
        }
    }

    private int Read()
    {
        if (_pushback.Length > 0)
        {
            if (_pushbackPosition < _pushback.Length)
            {
                return _pushback[_pushbackPosition++];
            }

            _pushback = "";
            _pushbackPosition = 0;
        }

        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private int Peek()
    {
        if (_pushbackPosition < _pushback.Length)
        {
            return _pushback[_pushbackPosition];
        }

        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
