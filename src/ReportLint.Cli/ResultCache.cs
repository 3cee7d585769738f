using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using ReportLint.Core.Claims;
using ReportLint.Core.Configuration;
using ReportLint.Core.Documents;
using ReportLint.Core.Findings;
using ReportLint.Core.Output;
using ReportLint.Core.Rules;

namespace ReportLint.Cli;

/// <summary>
/// `lint --cache`: each file's findings (with everything the formatters print), keyed by the file's content hash, the
/// hash of its effective configuration (the configuration file and the rule packs it names) and the tool's build, so an
/// unchanged file costs a read and a hash. Findings are stored before baselines apply (a baseline is applied afresh on
/// every run); in-source suppressions are part of the content and so of the stored result. The file is written
/// atomically; one that is corrupt, from another version or not a cache at all is ignored with a note, never an error.
/// </summary>
/// <remarks>
/// The file is binary (see <see cref="CacheWriter"/>): a header (<see cref="Magic"/>, the format, the tool's identity,
/// the number of entries), then per file its path, content and settings hashes, a checksum of its results and their
/// length, then the results. Opening the cache reads only the headers; a file's results are decoded, straight into
/// findings, when that file is found unchanged, on the core that asked. The JSON of formats 1 to 3 was deserialised into
/// records and then copied into findings: in a run that found all of 1,000 files unchanged, that was 40 % of the time.
/// </remarks>
public sealed class ResultCache
{
    public const string DefaultFileName = ".reportlint-cache";
    // 5: each entry also holds the file's size and modification time when it was hashed (4: binary, decoded file by
    // file on demand, content hashed with XXH3; 1 to 3 were JSON, with SHA-256).
    private const int FormatVersion = 5;
    private static ReadOnlySpan<byte> Magic => "ReportLint results cache\n"u8;

    /// <summary>One file's stored results: the hashes they hold for, the file's stamp when it was hashed, and their encoding with its checksum.</summary>
    private sealed record Entry(string Content, string Settings, FileStamp Stamp, ulong Checksum, ReadOnlyMemory<byte> Results);

    /// <summary>When the cache file was last written (UTC ticks), or 0 when there was none: see <see cref="HashByStamp"/>.</summary>
    private long _writtenTicks;

    private readonly string _path;
    private readonly string _tool;
    private readonly Dictionary<string, Entry> _old;
    private readonly ConcurrentDictionary<string, Entry> _new = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _damaged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ReportLintConfig, string> _settingsHashes = new(ReferenceEqualityComparer.Instance);

    private ResultCache(string path, string tool, Dictionary<string, Entry> old)
    {
        _path = path;
        _tool = tool;
        _old = old;
    }

    /// <summary>Whether stored findings come back with their snippets and properties (see <see cref="Decode"/>): only
    /// JSON, SARIF and HTML output print them.</summary>
    public bool Details { get; set; } = true;

    /// <summary>Whether stored findings come back with their line hashes: only SARIF output and baselines read them.</summary>
    public bool LineHashes { get; set; } = true;

    /// <summary>Reads the cache file if there is one; <paramref name="note"/> says why an unusable one was ignored.</summary>
    public static ResultCache Open(string path, string tool, out string? note)
    {
        note = null;
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        long writtenTicks = 0;
        if (File.Exists(path))
        {
            try
            {
                // The file's time before its content: should another run replace it in between, the older time only
                // makes the margin of HashByStamp stricter.
                writtenTicks = File.GetLastWriteTimeUtc(path).Ticks;
                entries = Read(MappedFile.Load(path), tool, out var problem) ?? entries;
                if (problem is not null) note = $"ignoring the cache {path}: {problem}";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                note = $"ignoring the cache {path}: it cannot be read ({e.Message.Split('\n')[0]})";
            }
        }
        return new ResultCache(path, tool, entries) { _writtenTicks = writtenTicks };
    }

    /// <summary>The entries of a cache file, their results still encoded, or null with the <paramref name="problem"/>.</summary>
    private static Dictionary<string, Entry>? Read(ReadOnlyMemory<byte> file, string tool, out string? problem)
    {
        problem = "not a ReportLint cache of this format";
        if (!file.Span.StartsWith(Magic)) return null;
        try
        {
            var reader = new CacheReader(file.Span);
            reader.Take(Magic.Length);
            if (reader.Int() != FormatVersion) return null;
            string writtenBy = reader.String();
            if (writtenBy != tool)
            {
                problem = $"written by ReportLint {writtenBy}";
                return null;
            }
            int count = reader.Count();
            var entries = new Dictionary<string, Entry>(count, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                string key = reader.String(), content = reader.String(), settings = reader.String();
                var stamp = new FileStamp((long)reader.UInt(), (long)reader.UInt64Fixed());
                ulong checksum = reader.UInt64Fixed();
                int length = reader.Count();
                int start = reader.Position;
                reader.Take(length);
                entries[key] = new Entry(content, settings, stamp, checksum, file.Slice(start, length));
            }
            if (!reader.AtEnd) throw new InvalidDataException($"it has {file.Length - reader.Position} bytes after its last entry");
            problem = null;
            return entries;
        }
        catch (InvalidDataException e)
        {
            problem = $"it cannot be read ({e.Message})";
            return null;
        }
    }

    /// <summary>The tool's own identity: version and build, so another build never reuses results.</summary>
    public static string ToolIdentity(string version)
    {
        try
        {
            return version + "+" + typeof(Core.Engine.Linter).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            return version;
        }
    }

    /// <summary>
    /// A file's content hash: 128-bit XXH3, which tells changed content from unchanged as reliably as a cache needs (it is
    /// not meant to withstand files crafted to collide, and a cache has nothing to defend). SHA-256 through the platform's
    /// cryptography library made a run that found every file unchanged load and initialise OpenSSL first, about a fifth
    /// of that run's time.
    /// </summary>
    public static string HashContent(ReadOnlySpan<byte> bytes) => Convert.ToHexString(XxHash128.Hash(bytes));

    [ThreadStatic] private static byte[]? t_readBuffer;
    [ThreadStatic] private static XxHash128? t_hash;

    /// <summary>The same hash as <see cref="HashContent"/> of the whole file, read through one buffer per thread: a run
    /// that finds every file in the cache reads them all, and allocating each file's bytes was a third of its memory.</summary>
    /// <param name="length">The file's length, as it was just measured: reading stops there rather than asking for more
    /// (a file that changes while it is read is linted afresh, and its results stored under the hash of what was linted).</param>
    public static string HashFile(Microsoft.Win32.SafeHandles.SafeFileHandle file, long length)
    {
        var buffer = t_readBuffer ??= new byte[1 << 16];
        var hash = t_hash ??= new XxHash128();
        hash.Reset();
        long offset = 0;
        for (int n; offset < length && (n = RandomAccess.Read(file, buffer, offset)) > 0; offset += n) hash.Append(buffer.AsSpan(0, n));
        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return Convert.ToHexString(digest);
    }

    /// <summary>A hash of what decides a file's findings besides its text: the configuration file and its rule packs.</summary>
    public string SettingsHash(ReportLintConfig config) => _settingsHashes.GetOrAdd(config, static c =>
    {
        var text = new StringBuilder();
        text.Append("config\0").Append(c.Path is null ? "" : File.ReadAllText(c.Path)).Append('\0');
        foreach (var pack in c.RulePacks)
            foreach (var file in Directory.EnumerateFiles(pack, "*.y*ml").Order(StringComparer.Ordinal))
                text.Append(file).Append('\0').Append(File.ReadAllText(file)).Append('\0');
        return HashContent(Encoding.UTF8.GetBytes(text.ToString()));
    });

    /// <summary>The stored result for this file, or null when it has none for this content and configuration (or the
    /// stored one is damaged: see <see cref="DamageNote"/>).</summary>
    /// <param name="stamp">The file's stamp from before it was read to hash, kept with the entry for the next run.</param>
    public FileReport? Find(string key, string displayPath, string contentHash, FileStamp stamp, string settingsHash, IReadOnlyList<RuleDescriptor> rules)
    {
        if (!_old.TryGetValue(key, out var entry) || entry.Content != contentHash || entry.Settings != settingsHash || _damaged.ContainsKey(key)) return null;
        FileReport? report = null;
        try
        {
            if (XxHash3.HashToUInt64(entry.Results.Span) != entry.Checksum) throw new InvalidDataException("its checksum does not match");
            report = Decode(entry.Results, displayPath, RulesById(rules), Details, LineHashes);
        }
        catch (InvalidDataException)
        {
            _damaged[key] = true;
        }
        if (report is not null)
        {
            // The same content under a new stamp (the file was touched, or copied back): the new stamp is kept.
            if (entry.Stamp != stamp)
            {
                entry = entry with { Stamp = stamp };
                _changed = true;
            }
            _new[key] = entry;
        }
        return report;
    }

    /// <summary>Says how many files' stored results were damaged (and so linted afresh), or null when none were.</summary>
    public string? DamageNote => _damaged.IsEmpty ? null
        : $"ignoring the stored results of {_damaged.Count} file(s) in the cache {_path}: they cannot be read (linted afresh)";

    // Files of one run share one rule list (unless their configurations add rule packs): indexed once, not once a file.
    // A reference to an immutable pair, so threads linting in parallel always see a list with its own index.
    private sealed record RuleIndex(IReadOnlyList<RuleDescriptor> Rules, Dictionary<string, RuleDescriptor> ById);
    private RuleIndex? _ruleIndex;

    private Dictionary<string, RuleDescriptor> RulesById(IReadOnlyList<RuleDescriptor> rules)
    {
        if (_ruleIndex is { } known && ReferenceEquals(known.Rules, rules)) return known.ById;
        var index = new RuleIndex(rules, rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase));
        _ruleIndex = index;
        return index.ById;
    }

    /// <summary>Records a fresh result (before any baseline touches its findings), with the file's stamp from before it was read.</summary>
    public void Store(string key, string contentHash, FileStamp stamp, string settingsHash, FileReport report)
    {
        byte[] results = Encode(report);
        _new[key] = new Entry(contentHash, settingsHash, stamp, XxHash3.HashToUInt64(results), results);
        _changed = true;
    }

    /// <summary>
    /// The content hash stored for <paramref name="key"/> when the file's stamp is the one stored with it and older than
    /// the cache file by more than <see cref="StampMargin"/>; otherwise null, and the file must be read and hashed. As in
    /// Git's index and ESLint's cache: a file whose size and modification time are unchanged is taken as unchanged. The
    /// margin covers file systems that keep modification times coarsely: a file written in the same moment as the cache
    /// could change again without its time moving, so its stamp is not trusted.
    /// </summary>
    public string? HashByStamp(string key, FileStamp stamp)
    {
        if (!stamp.IsKnown || !_old.TryGetValue(key, out var entry) || entry.Stamp != stamp) return null;
        return stamp.WriteTicks < _writtenTicks - StampMargin.Ticks ? entry.Content : null;
    }

    public static readonly TimeSpan StampMargin = TimeSpan.FromSeconds(2);

    private bool _changed;

    /// <summary>Writes the entries of this run (files not linted this time are dropped), atomically; nothing when every file came from the cache.</summary>
    public void Save()
    {
        // The usual second run: every file found in the cache, none dropped, so the file on disk already says it all.
        if (!_changed && _new.Count == _old.Count) return;
        var writer = new CacheWriter();
        writer.Bytes(Magic);
        writer.Int(FormatVersion);
        writer.String(_tool);
        writer.UInt((ulong)_new.Count);
        foreach (var (key, entry) in _new.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.String(key);
            writer.String(entry.Content);
            writer.String(entry.Settings);
            writer.UInt((ulong)entry.Stamp.Length);
            writer.UInt64Fixed((ulong)entry.Stamp.WriteTicks);
            writer.UInt64Fixed(entry.Checksum);
            writer.UInt((ulong)entry.Results.Length);
            writer.Bytes(entry.Results.Span);
        }
        string? folder = Path.GetDirectoryName(Path.GetFullPath(_path));
        if (folder is not null) Directory.CreateDirectory(folder);
        AtomicFile.Write(_path, writer.Written.ToArray());
    }

    /// <summary>A file's results as the cache stores them.</summary>
    internal static byte[] Encode(FileReport report)
    {
        var writer = new CacheWriter();
        Encode(writer, report);
        return writer.Written.ToArray();
    }

    private static void Encode(CacheWriter w, FileReport report)
    {
        if (report.Coverage is { } c)
        {
            w.Byte(1);
            foreach (int n in (ReadOnlySpan<int>)[c.Money, c.Percentages, c.Years, c.OtherNumbers, c.NumericStatements, c.CheckedStatements,
                         c.ValueClaims, c.RateClaims, c.ShareClaims, c.GrowthChecks])
                w.Int(n);
        }
        else w.Byte(0);
        w.UInt((ulong)report.Notifications.Count);
        foreach (var note in report.Notifications) w.String(note);
        w.UInt((ulong)report.Findings.Count);
        foreach (var f in report.Findings)
        {
            w.String(f.Rule.Id);
            w.Byte((byte)f.Severity);
            w.String(f.Message);
            Encode(w, f.Location);
            w.UInt((ulong)f.Related.Count);
            foreach (var r in f.Related)
            {
                Encode(w, r.Location);
                w.String(r.Message);
            }
            w.UInt((ulong)f.Fixes.Count);
            foreach (var x in f.Fixes)
            {
                w.String(x.Description);
                w.UInt((ulong)x.Edits.Count);
                foreach (var e in x.Edits)
                {
                    Encode(w, e.Location);
                    w.String(e.NewText);
                }
            }
            w.UInt((ulong)f.Properties.Count);
            foreach (var (k, v) in f.Properties)
            {
                w.String(k);
                w.String(v);
            }
            if (f.Suppression is { } s)
            {
                w.Byte((byte)(1 + (int)s.Kind));
                w.String(s.Justification);
            }
            else w.Byte(0);
            w.String(f.LineHash);
        }
    }

    private static void Encode(CacheWriter w, SourceLocation l)
    {
        w.Int(l.Span.Start);
        w.Int(l.Span.End);
        w.Int(l.Line);
        w.Int(l.Column);
        w.Int(l.EndLine);
        w.Int(l.EndColumn);
        w.String(l.Snippet);
        if (l.Origin is { } o)
        {
            w.Byte(1);
            w.String(o.Description);
            w.NullableInt(o.Paragraph);
            w.NullableInt(o.Table);
            w.NullableInt(o.Row);
            w.NullableInt(o.Cell);
        }
        else w.Byte(0);
    }

    /// <summary>A file's results as <see cref="Encode(FileReport)"/> wrote them, or null when they name a rule this run
    /// does not know (then the file is linted afresh). Results that cannot be read throw <see cref="InvalidDataException"/>.</summary>
    /// <remarks>
    /// Without <paramref name="details"/>, locations come back without their snippets and findings without their
    /// properties: what only JSON, SARIF and HTML output print. Those texts are most of what a cached run decodes, and
    /// the stored entry keeps them for a later run that prints them (an unchanged file's entry is saved as it was read).
    /// A finding's message, its related places' messages and its fixes' texts stay in <paramref name="results"/> as UTF-8
    /// until they are read (see <see cref="Finding.WriteMessage"/>).
    /// </remarks>
    internal static FileReport? Decode(ReadOnlyMemory<byte> results, string displayPath, Dictionary<string, RuleDescriptor> rules, bool details = true, bool lineHashes = true)
    {
        var ruleIds = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> ruleId = stackalloc char[MaxRuleId];
        var r = new CacheReader(results.Span);
        Coverage? coverage = r.Byte() switch
        {
            0 => null,
            1 => new Coverage(r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int(), r.Int()),
            _ => throw new InvalidDataException("its coverage is damaged"),
        };
        var notifications = new string[r.Count()];
        for (int i = 0; i < notifications.Length; i++) notifications[i] = r.String();
        int count = r.Count();
        var findings = new List<Finding>(count);
        for (int i = 0; i < count; i++)
        {
            // A rule this run does not know: lint afresh. (Looked up from the bytes, not kept as a string of its own, when
            // the id fits the buffer; a rule pack's id may be longer.)
            var idBytes = r.StringBytes();
            bool known = idBytes.Length <= MaxRuleId && Encoding.UTF8.TryGetChars(idBytes, ruleId, out int idLength)
                ? ruleIds.TryGetValue(ruleId[..idLength], out var rule)
                : rules.TryGetValue(Encoding.UTF8.GetString(idBytes), out rule);
            if (!known || rule is null) return null;
            byte severity = r.Byte();
            if (severity > (byte)Severity.Error) throw new InvalidDataException("a severity is damaged");
            var finding = new Finding(rule, (Severity)severity, results[r.StringExtent()], Location(ref r, displayPath, details));
            // Related messages, fix descriptions and new texts stay UTF-8 in the cache's bytes until read, like messages.
            for (int n = r.Count(); n > 0; n--)
                finding.Related.Add(new RelatedLocation(Location(ref r, displayPath, details), results[r.StringExtent()]));
            for (int n = r.Count(); n > 0; n--)
            {
                var description = results[r.StringExtent()];
                var edits = new TextEdit[r.Count()];
                for (int e = 0; e < edits.Length; e++) edits[e] = new TextEdit(Location(ref r, displayPath, details), results[r.StringExtent()]);
                finding.Fixes.Add(new SuggestedFix(description, edits));
            }
            for (int n = r.Count(); n > 0; n--)
            {
                if (details) finding.Properties[r.String()] = r.String();
                else
                {
                    r.SkipString();
                    r.SkipString();
                }
            }
            finding.Suppression = r.Byte() switch
            {
                0 => null,
                1 => new FindingSuppression(SuppressionKind.InSource, r.String()),
                2 => new FindingSuppression(SuppressionKind.Baseline, r.String()),
                _ => throw new InvalidDataException("a suppression is damaged"),
            };
            if (lineHashes) finding.LineHash = r.NullableString();
            else r.SkipString();
            findings.Add(finding);
        }
        if (!r.AtEnd) throw new InvalidDataException("it has bytes after its last finding");
        return new FileReport(displayPath, findings, coverage, notifications);
    }

    /// <summary>Rule ids up to this long are looked up from a buffer on the stack; longer ones through a string.</summary>
    private const int MaxRuleId = 128;

    /// <summary>A finding's locations are in its own file, named as it is linted now (relative or absolute as given).</summary>
    private static SourceLocation Location(ref CacheReader r, string displayPath, bool details)
    {
        int start = r.Int(), end = r.Int(), line = r.Int(), column = r.Int(), endLine = r.Int(), endColumn = r.Int();
        string snippet = "";
        if (details) snippet = r.String();
        else r.SkipString();
        SourceOrigin? origin = r.Byte() switch
        {
            0 => null,
            1 => new SourceOrigin(r.String(), r.NullableInt(), r.NullableInt(), r.NullableInt(), r.NullableInt()),
            _ => throw new InvalidDataException("a location is damaged"),
        };
        return new SourceLocation(displayPath, new TextSpan(start, end), line, column, endLine, endColumn, snippet) { Origin = origin };
    }
}

/// <summary>A file's size and last modification time (UTC ticks) as the file system gives them; 0 and 0 when unknown.</summary>
public readonly record struct FileStamp(long Length, long WriteTicks)
{
    public bool IsKnown => WriteTicks != 0;

    /// <summary>The stamp of the file at <paramref name="path"/> (one stat), or unknown when it cannot be had.</summary>
    public static FileStamp Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : default;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }
}
