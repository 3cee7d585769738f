using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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
public sealed class ResultCache
{
    public const string DefaultFileName = ".reportlint-cache";
    // 2: locations no longer repeat the file's path (it is the entry's own, renamed as it is linted now), and entries
    // come in shards that are parsed in parallel.
    private const int FormatVersion = 3;

    private readonly string _path;
    private readonly string _tool;
    private readonly Dictionary<string, CacheEntry> _old;
    private readonly ConcurrentDictionary<string, CacheEntry> _new = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ReportLintConfig, string> _settingsHashes = new(ReferenceEqualityComparer.Instance);

    private ResultCache(string path, string tool, Dictionary<string, CacheEntry> old)
    {
        _path = path;
        _tool = tool;
        _old = old;
    }

    /// <summary>Reads the cache file if there is one; <paramref name="note"/> says why an unusable one was ignored.</summary>
    public static ResultCache Open(string path, string tool, out string? note)
    {
        note = null;
        var entries = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            try
            {
                entries = Read(File.ReadAllBytes(path), tool, out var problem) ?? entries;
                if (problem is not null) note = $"ignoring the cache {path}: {problem}";
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException
                                          || e is AggregateException { InnerException: JsonException or NotSupportedException })
            {
                var cause = e is AggregateException { InnerException: { } inner } ? inner : e;
                note = $"ignoring the cache {path}: it cannot be read ({cause.Message.Split('\n')[0]})";
            }
        }
        return new ResultCache(path, tool, entries);
    }

    /// <summary>
    /// The entries of a cache file, or null with the <paramref name="problem"/>. The header gives each shard's length in
    /// bytes, so the shards are found without a pass through them (that pass was a twentieth of a cached run); they are then
    /// deserialised on all cores: parsing the results of 1,000 files on one core took about as long as the rest of a run
    /// that finds them all in the cache.
    /// </summary>
    private static Dictionary<string, CacheEntry>? Read(byte[] json, string tool, out string? problem)
    {
        problem = "not a ReportLint cache of this format";
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        int format = 0;
        string? writtenBy = null;
        List<int>? lengths = null;
        List<(int Start, int Length)>? shards = null;
        while (shards is null && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (name == "format" && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int f)) format = f;
            else if (name == "tool" && reader.TokenType == JsonTokenType.String) writtenBy = reader.GetString();
            else if (name == "shardBytes" && reader.TokenType == JsonTokenType.StartArray)
            {
                lengths = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int length) && length > 0) lengths.Add(length);
                if (reader.TokenType != JsonTokenType.EndArray) return null;
            }
            else if (name == "shards" && reader.TokenType == JsonTokenType.StartArray && lengths is not null)
            {
                // The header gives each shard's length, so the shards are found without reading through them: each is an
                // object followed by a comma (or, the last, by the array's end). Each is read in full when deserialised.
                shards = [];
                long at = reader.BytesConsumed;
                foreach (int length in lengths)
                {
                    if (at + length >= json.Length || json[at] != (byte)'{' || json[at + length] != (shards.Count == lengths.Count - 1 ? (byte)']' : (byte)',')) return null;
                    shards.Add(((int)at, length));
                    at += length + 1;
                }
            }
            else reader.Skip();
        }
        if (format != FormatVersion || writtenBy is null || shards is null) return null;
        if (writtenBy != tool)
        {
            problem = $"written by ReportLint {writtenBy}";
            return null;
        }
        var parts = new Dictionary<string, CacheEntry>?[shards.Count];
        Parallel.For(0, shards.Count, i => parts[i] = JsonSerializer.Deserialize(json.AsSpan(shards[i].Start, shards[i].Length), CacheJsonContext.Default.DictionaryStringCacheEntry));
        var entries = new Dictionary<string, CacheEntry>(parts.Sum(p => p?.Count ?? 0), StringComparer.Ordinal);
        foreach (var part in parts)
            foreach (var (key, entry) in part ?? [])
                entries[key] = entry;
        problem = null;
        return entries;
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

    public static string HashContent(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    [ThreadStatic] private static byte[]? t_readBuffer;

    /// <summary>The same hash as <see cref="HashContent"/> of the whole file, read through one buffer per thread: a run
    /// that finds every file in the cache reads them all, and allocating each file's bytes was a third of its memory.</summary>
    public static string HashFile(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        var buffer = t_readBuffer ??= new byte[1 << 16];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long offset = 0;
        for (int n; (n = RandomAccess.Read(file, buffer, offset)) > 0; offset += n) hash.AppendData(buffer, 0, n);
        return Convert.ToHexString(hash.GetHashAndReset());
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

    /// <summary>The stored result for this file, or null when it has none for this content and configuration.</summary>
    public FileReport? Find(string key, string displayPath, string contentHash, string settingsHash, IReadOnlyList<RuleDescriptor> rules)
    {
        if (!_old.TryGetValue(key, out var entry) || entry.Content != contentHash || entry.Settings != settingsHash) return null;
        var byId = RulesById(rules);
        var findings = new List<Finding>(entry.Findings.Count);
        foreach (var f in entry.Findings)
        {
            if (!byId.TryGetValue(f.Rule, out var rule)) return null; // a rule this run does not know: lint afresh
            var finding = new Finding(rule, f.Severity, f.Message, Location(f.Location, displayPath))
            {
                Suppression = f.Suppression is null ? null : new FindingSuppression(f.Suppression.Kind, f.Suppression.Justification),
                LineHash = f.LineHash,
            };
            foreach (var r in f.Related) finding.Related.Add(new RelatedLocation(Location(r.Location, displayPath), r.Message));
            foreach (var x in f.Fixes) finding.Fixes.Add(new SuggestedFix(x.Description, x.Edits.Select(e => new TextEdit(Location(e.Location, displayPath), e.NewText)).ToList()));
            foreach (var (k, v) in f.Properties) finding.Properties[k] = v;
            findings.Add(finding);
        }
        _new[key] = entry;
        return new FileReport(displayPath, findings, entry.Coverage, entry.Notifications);
    }

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

    /// <summary>Records a fresh result (before any baseline touches its findings).</summary>
    public void Store(string key, string contentHash, string settingsHash, FileReport report)
    {
        _new[key] = new CacheEntry(contentHash, settingsHash, report.Findings.Select(Stored).ToList(), report.Coverage, report.Notifications.ToList());
        _changed = true;
    }

    private bool _changed;

    /// <summary>Writes the entries of this run (files not linted this time are dropped), atomically; nothing when every file came from the cache.</summary>
    public void Save()
    {
        // The usual second run: every file found in the cache, none dropped, so the file on disk already says it all.
        if (!_changed && _new.Count == _old.Count) return;
        // Sorted by path, in up to 16 shards of at least 64 files each, each shard's length in bytes in the header (see Read).
        var sorted = _new.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        int shardSize = Math.Max(64, (sorted.Count + 15) / 16);
        var shards = sorted.Chunk(shardSize)
            .Select(chunk => JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, CacheEntry>(chunk.ToDictionary(e => e.Key, e => e.Value), StringComparer.Ordinal),
                CacheJsonContext.Default.SortedDictionaryStringCacheEntry))
            .ToList();
        var file = new MemoryStream();
        using (var writer = new Utf8JsonWriter(file))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", FormatVersion);
            writer.WriteString("tool", _tool);
            writer.WriteStartArray("shardBytes");
            foreach (var shard in shards) writer.WriteNumberValue(shard.Length);
            writer.WriteEndArray();
            writer.WriteStartArray("shards");
            foreach (var shard in shards) writer.WriteRawValue(shard, skipInputValidation: true);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        string? folder = Path.GetDirectoryName(Path.GetFullPath(_path));
        if (folder is not null) Directory.CreateDirectory(folder);
        AtomicFile.Write(_path, file.ToArray());
    }

    private static StoredFinding Stored(Finding f) => new(
        f.Rule.Id, f.Severity, f.Message, Stored(f.Location),
        f.Related.Select(r => new StoredRelated(Stored(r.Location), r.Message)).ToList(),
        f.Fixes.Select(x => new StoredFix(x.Description, x.Edits.Select(e => new StoredEdit(Stored(e.Location), e.NewText)).ToList())).ToList(),
        new Dictionary<string, string>(f.Properties),
        f.Suppression is null ? null : new StoredSuppression(f.Suppression.Kind, f.Suppression.Justification),
        f.LineHash);

    private static StoredLocation Stored(SourceLocation l) =>
        new(l.Span.Start, l.Span.End, l.Line, l.Column, l.EndLine, l.EndColumn, l.Snippet, l.Origin);

    /// <summary>A finding's locations are in its own file, named as it is linted now (relative or absolute as given).</summary>
    private static SourceLocation Location(StoredLocation l, string displayPath) =>
        new(displayPath, new TextSpan(l.Start, l.End), l.Line, l.Column, l.EndLine, l.EndColumn, l.Snippet) { Origin = l.Origin };
}

// The records read most often are read through a parameterless constructor and init-only properties: System.Text.Json
// reads a record of more than four constructor parameters through an array of boxed arguments, which made reading a
// cache of 1,000 files' results markedly slower. A property missing from the file is left null, as it was before.
public sealed record CacheEntry(string Content, string Settings, List<StoredFinding> Findings, Coverage? Coverage, List<string> Notifications)
{
    [JsonConstructor]
    public CacheEntry() : this(null!, null!, null!, null, null!) { }
}

public sealed record StoredFinding(string Rule, Severity Severity, string Message, StoredLocation Location, List<StoredRelated> Related,
    List<StoredFix> Fixes, Dictionary<string, string> Properties, StoredSuppression? Suppression, string? LineHash)
{
    [JsonConstructor]
    public StoredFinding() : this(null!, default, null!, null!, null!, null!, null!, null, null) { }
}

public sealed record StoredLocation(int Start, int End, int Line, int Column, int EndLine, int EndColumn, string Snippet, SourceOrigin? Origin)
{
    [JsonConstructor]
    public StoredLocation() : this(0, 0, 0, 0, 0, 0, null!, null) { }
}

public sealed record StoredRelated(StoredLocation Location, string Message);
public sealed record StoredFix(string Description, List<StoredEdit> Edits);
public sealed record StoredEdit(StoredLocation Location, string NewText);
public sealed record StoredSuppression(SuppressionKind Kind, string Justification);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SortedDictionary<string, CacheEntry>))]
[JsonSerializable(typeof(Dictionary<string, CacheEntry>))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
