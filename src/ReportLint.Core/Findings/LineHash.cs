using ReportLint.Core.Documents;

namespace ReportLint.Core.Findings;

/// <summary>
/// GitHub's <c>primaryLocationLineHash</c>, computed exactly as github/codeql-action's upload step does it: a rolling
/// hash (base 37, 64-bit wrap-around) over the 100 characters that follow the start of each line, spaces and tabs
/// skipped and every line break counted as '\n', suffixed ":n" for the n-th line of the file with that hash.
/// Because the hash reads a line's own text and not its number, lines inserted above a finding leave its hash alone:
/// SARIF uploads do not open duplicate alerts, and baselines keep matching.
/// </summary>
public static class LineHash
{
    private const int BlockSize = 100;
    private const ulong Mod = 37;
    private const char EndOfFile = '\uFFFF';

    /// <summary>The hash of every line of <paramref name="text"/>, first line first.</summary>
    /// <param name="byteOrderMark">The file began with a UTF-8 byte order mark: the upload action reads it as U+FEFF.</param>
    public static IReadOnlyList<string> Compute(string text, bool byteOrderMark = false) =>
        Roll(text, byteOrderMark).Select(Format).ToList();

    /// <summary>Gives each finding the hash of the line it starts on, in the file as the upload action reads it.</summary>
    public static void Assign(ReportDocument document, IEnumerable<Finding> findings)
    {
        List<(ulong Hash, int Count)>? lines = null;
        foreach (var finding in findings)
        {
            lines ??= Roll(document.Text, document.HasUtf8ByteOrderMark);
            // Only the lines that findings start on are written out as text.
            finding.LineHash = Format(lines[Math.Clamp(finding.Location.Line, 1, lines.Count) - 1]);
        }
    }

    private static List<(ulong Hash, int Count)> Roll(string text, bool byteOrderMark)
    {
        var roller = new Roller();
        if (byteOrderMark) roller.Process("\uFEFF");
        roller.Process(text);
        roller.Process([EndOfFile]);
        roller.Flush();
        return roller.Lines;
    }

    private static string Format((ulong Hash, int Count) line) => $"{line.Hash:x}:{line.Count}";

    private sealed class Roller
    {
        private static readonly ulong FirstMod = Power(Mod, BlockSize);
        private readonly int[] _window = new int[BlockSize];
        // The line number starting at each window position, or -1.
        private readonly int[] _lineNumbers = Enumerable.Repeat(-1, BlockSize).ToArray();
        private readonly Dictionary<ulong, int> _seen = new();
        private ulong _hash;
        private int _index, _lineNumber;
        private bool _lineStart = true, _previousCr;

        /// <summary>Per line: its hash, and how many lines so far (this one included) have that hash.</summary>
        public List<(ulong Hash, int Count)> Lines { get; } = new();

        /// <summary>Rolls <paramref name="text"/> in: spaces and tabs skipped, "\r\n" and "\r" read as "\n"; each line's hash is
        /// output once the window has moved 100 characters past its start. The state is kept in locals while rolling.</summary>
        public void Process(ReadOnlySpan<char> text)
        {
            var window = _window;
            var lineNumbers = _lineNumbers;
            ulong hash = _hash, firstMod = FirstMod;
            int index = _index;
            bool lineStart = _lineStart, previousCr = _previousCr;
            foreach (char c in text)
            {
                int current = c;
                if (current is ' ' or '\t' || previousCr && current == '\n')
                {
                    previousCr = false;
                    continue;
                }
                previousCr = current == '\r';
                if (previousCr) current = '\n';
                if (lineNumbers[index] != -1)
                {
                    _hash = hash;
                    _index = index;
                    Output();
                }
                if (lineStart)
                {
                    lineStart = false;
                    lineNumbers[index] = ++_lineNumber;
                }
                if (current == '\n') lineStart = true;
                int begin = window[index];
                window[index] = current;
                hash = unchecked(Mod * hash + (ulong)current - firstMod * (ulong)begin);
                if (++index == BlockSize) index = 0;
            }
            _hash = hash;
            _index = index;
            _lineStart = lineStart;
            _previousCr = previousCr;
        }

        public void Flush()
        {
            for (int i = 0; i < BlockSize; i++)
            {
                if (_lineNumbers[_index] != -1) Output();
                Update(0);
            }
        }

        private void Update(int current)
        {
            int begin = _window[_index];
            _window[_index] = current;
            _hash = unchecked(Mod * _hash + (ulong)current - FirstMod * (ulong)begin);
            if (++_index == BlockSize) _index = 0;
        }

        private void Output()
        {
            int count = _seen.TryGetValue(_hash, out int n) ? n + 1 : 1;
            _seen[_hash] = count;
            Lines.Add((_hash, count));
            _lineNumbers[_index] = -1;
        }

        private static ulong Power(ulong b, int e)
        {
            ulong r = 1;
            for (int i = 0; i < e; i++) r = unchecked(r * b);
            return r;
        }
    }
}
