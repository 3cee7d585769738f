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
    private const int FormatVersion = 1;

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
                using var stream = File.OpenRead(path);
                var file = JsonSerializer.Deserialize(stream, CacheJsonContext.Default.CacheFile);
                if (file is null || file.Format != FormatVersion || file.Entries is null) note = $"ignoring the cache {path}: not a ReportLint cache of this format";
                else if (file.Tool != tool) note = $"ignoring the cache {path}: written by ReportLint {file.Tool}";
                else entries = new Dictionary<string, CacheEntry>(file.Entries, StringComparer.Ordinal);
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                note = $"ignoring the cache {path}: it cannot be read ({e.Message.Split('\n')[0]})";
            }
        }
        return new ResultCache(path, tool, entries);
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
        var byId = rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
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
        var file = new CacheFile(FormatVersion, _tool, new SortedDictionary<string, CacheEntry>(_new, StringComparer.Ordinal));
        string? folder = Path.GetDirectoryName(Path.GetFullPath(_path));
        if (folder is not null) Directory.CreateDirectory(folder);
        AtomicFile.Write(_path, JsonSerializer.Serialize(file, CacheJsonContext.Default.CacheFile));
    }

    private static StoredFinding Stored(Finding f) => new(
        f.Rule.Id, f.Severity, f.Message, Stored(f.Location),
        f.Related.Select(r => new StoredRelated(Stored(r.Location), r.Message)).ToList(),
        f.Fixes.Select(x => new StoredFix(x.Description, x.Edits.Select(e => new StoredEdit(Stored(e.Location), e.NewText)).ToList())).ToList(),
        new Dictionary<string, string>(f.Properties),
        f.Suppression is null ? null : new StoredSuppression(f.Suppression.Kind, f.Suppression.Justification),
        f.LineHash);

    private static StoredLocation Stored(SourceLocation l) =>
        new(l.Path, l.Span.Start, l.Span.End, l.Line, l.Column, l.EndLine, l.EndColumn, l.Snippet, l.Origin);

    /// <summary>A finding's locations are in its own file, named as it is linted now (relative or absolute as given).</summary>
    private static SourceLocation Location(StoredLocation l, string displayPath) =>
        new(displayPath, new TextSpan(l.Start, l.End), l.Line, l.Column, l.EndLine, l.EndColumn, l.Snippet) { Origin = l.Origin };
}

public sealed record CacheFile(int Format, string Tool, IDictionary<string, CacheEntry>? Entries);

public sealed record CacheEntry(string Content, string Settings, List<StoredFinding> Findings, Coverage? Coverage, List<string> Notifications);

public sealed record StoredFinding(string Rule, Severity Severity, string Message, StoredLocation Location, List<StoredRelated> Related,
    List<StoredFix> Fixes, Dictionary<string, string> Properties, StoredSuppression? Suppression, string? LineHash);

public sealed record StoredLocation(string Path, int Start, int End, int Line, int Column, int EndLine, int EndColumn, string Snippet, SourceOrigin? Origin);

public sealed record StoredRelated(StoredLocation Location, string Message);
public sealed record StoredFix(string Description, List<StoredEdit> Edits);
public sealed record StoredEdit(StoredLocation Location, string NewText);
public sealed record StoredSuppression(SuppressionKind Kind, string Justification);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CacheFile))]
[JsonSerializable(typeof(SortedDictionary<string, CacheEntry>))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
