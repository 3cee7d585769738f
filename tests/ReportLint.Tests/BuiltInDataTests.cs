using System.Globalization;
using System.Text;
using FluentAssertions;
using ReportLint.Core.Knowledge;
using ReportLint.Core.Rules.Packs;
using Xunit;

namespace ReportLint.Tests;

/// <summary>
/// rules/*.yaml (and rules/packs/*.yaml) is the source of the built-in knowledge; src/ReportLint.Core/Knowledge/BuiltInData.g.cs is that YAML
/// compiled to C# (data as literals, placeholder patterns as source-generated regexes), so the linter parses no YAML and
/// constructs no regex when it starts. This test regenerates the file from the YAML and fails when the two differ.
/// After editing rules/*.yaml: <c>REPORTLINT_REGENERATE=1 dotnet test --filter BuiltInData</c>.
/// </summary>
public class BuiltInDataTests
{
    private static string Rules => Path.Combine(TestPaths.RepoRoot, "rules");
    private static string GeneratedFile => Path.Combine(TestPaths.RepoRoot, "src", "ReportLint.Core", "Knowledge", "BuiltInData.g.cs");

    [Fact]
    public void The_compiled_data_is_the_yaml_as_it_is_now()
    {
        string expected = BuiltInDataWriter.Write(Rules);
        if (Environment.GetEnvironmentVariable("REPORTLINT_REGENERATE") == "1") File.WriteAllText(GeneratedFile, expected);
        File.ReadAllText(GeneratedFile).ReplaceLineEndings("\n").Should().Be(expected,
            "BuiltInData.g.cs is generated from rules/*.yaml; after changing the YAML run: REPORTLINT_REGENERATE=1 dotnet test --filter BuiltInData");
    }

    [Fact]
    public void The_compiled_knowledge_finds_what_the_yaml_loaded_knowledge_finds()
    {
        string text = File.ReadAllText(TestPaths.SeedReport) + "\nThe U.S., Türkiye and Asia-Pacific; By End-Use; [Insert chart here] USD XX billion; TBD. "
                      + "Netflix, Inc. and Tencent Holdings Ltd. lead in streaming drama, oncology and semiconductor wafers.";
        var gazetteer = Gazetteer.Load(YamlData.Load(Path.Combine(Rules, "geography.yaml")));
        Gazetteer.BuiltIn.Find(text).Select(m => (m.Span, m.Place.Name)).Should().Equal(gazetteer.Find(text).Select(m => (m.Span, m.Place.Name)));

        var lexicons = IndustryLexicons.Load(Directory.GetFiles(Path.Combine(Rules, "domains"), "*.yaml").Order(StringComparer.Ordinal).Select(f => YamlData.Load(f)));
        IndustryLexicons.BuiltIn.Find(text).Select(h => (h.Span, h.Key, string.Join(",", h.Weights.Select(w => $"{w.Industry.Id}:{w.Weight}"))))
            .Should().Equal(lexicons.Find(text).Select(h => (h.Span, h.Key, string.Join(",", h.Weights.Select(w => $"{w.Industry.Id}:{w.Weight}")))));

        var placeholders = Placeholders.Load(YamlData.Load(Path.Combine(Rules, "placeholders.yaml")));
        Placeholders.BuiltIn.Patterns.Select(p => (p.Id, string.Join("|", p.Requires), p.Prefilter?.ToString())).Should().Equal(placeholders.Patterns.Select(p => (p.Id, string.Join("|", p.Requires), p.Prefilter?.ToString())));
        Placeholders.BuiltIn.Find(text).Select(m => (m.Span, m.Pattern.Id, m.Message)).Should().Equal(placeholders.Find(text).Select(m => (m.Span, m.Pattern.Id, m.Message)));

        var dimensions = SegmentDimensions.Load(YamlData.Load(Path.Combine(Rules, "segment-dimensions.yaml")));
        foreach (var name in new[] { "By End-Use", "End User Insights", "Segmentation by Platforms", "By Genre", "Regional Analysis" })
            SegmentDimensions.BuiltIn.Resolve(name).Should().Be(dimensions.Resolve(name));

        var companies = CompanyNames.Load(YamlData.Load(Path.Combine(Rules, "companies.yaml")));
        CompanyNames.BuiltIn.Cues.Should().Equal(companies.Cues);
        CompanyNames.BuiltIn.Normalize("Tencent Holdings Ltd.").Should().Equal(companies.Normalize("Tencent Holdings Ltd."));

        var packs = RulePackLoader.LoadFolder(Path.Combine(Rules, "packs"));
        RulePackLoader.BuiltIn().Select(r => r.Descriptor).Should().Equal(packs.Select(r => r.Descriptor));
        var document = Core.Documents.DocumentReader.Read("style.md", "We utilise a best-in-class, world-class platform in order to grow."u8.ToArray());
        foreach (var (compiled, loaded) in RulePackLoader.BuiltIn().Zip(packs))
            Findings(compiled, document).Should().Equal(Findings(loaded, document)).And.NotBeEmpty($"the sample text trips {compiled.Descriptor.Id}");
    }

    private static List<string> Findings(Core.Rules.Rule rule, Core.Documents.ReportDocument document)
    {
        var settings = new Core.Engine.LintSettings();
        settings.EnabledRules.Add(rule.Descriptor.Id);
        return new Core.Engine.Linter([rule]).Lint(document, settings).Findings.Select(f => $"{f.Location.Line}:{f.Location.Column} {f.Message}").ToList();
    }
}

/// <summary>Writes BuiltInData.g.cs from rules/*.yaml, through the same readers that validate user-facing YAML.</summary>
internal static class BuiltInDataWriter
{
    public static string Write(string rules)
    {
        var geography = Gazetteer.Read(YamlData.Load(Path.Combine(rules, "geography.yaml")));
        var dimensions = SegmentDimensions.Read(YamlData.Load(Path.Combine(rules, "segment-dimensions.yaml")));
        var companies = CompanyNames.Read(YamlData.Load(Path.Combine(rules, "companies.yaml")));
        var industries = IndustryLexicons.Read(Directory.GetFiles(Path.Combine(rules, "domains"), "*.yaml")
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).Select(f => YamlData.Load(f)));
        var placeholders = Placeholders.Read(YamlData.Load(Path.Combine(rules, "placeholders.yaml")));
        var packs = RulePackLoader.Read(Directory.GetFiles(Path.Combine(rules, "packs"), "*.yaml")
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).Select(f => YamlData.Load(f)));

        var w = new StringBuilder();
        w.Append("""
            // <auto-generated>
            // Generated from rules/*.yaml by tests/ReportLint.Tests/BuiltInDataTests.cs. Do not edit: edit the YAML, then run
            //   REPORTLINT_REGENERATE=1 dotnet test --filter BuiltInData
            // </auto-generated>
            #nullable enable
            using System.Text.RegularExpressions;
            using ReportLint.Core.Findings;
            using ReportLint.Core.Rules.Packs;

            namespace ReportLint.Core.Knowledge;

            /// <summary>The built-in knowledge of rules/*.yaml, compiled in: no YAML parsing or regex construction at start-up.</summary>
            public static partial class BuiltInData
            {

            """);

        w.Append("    /// <summary>rules/geography.yaml</summary>\n    public static GazetteerData Geography() => new(\n        [\n");
        foreach (var p in geography.Places)
            w.Append($"            new({Lit(p.Name)}, PlaceKind.{p.Kind}, {Lit(p.Region)}, {List(p.AlsoIn)}),\n");
        w.Append("        ],\n        [\n");
        foreach (var (alias, place, exact) in geography.Aliases)
            w.Append($"            ({Lit(alias)}, {place}, {(exact ? "true" : "false")}),\n");
        w.Append("        ]);\n\n");

        w.Append("    /// <summary>rules/segment-dimensions.yaml</summary>\n    public static SegmentDimensionsData SegmentDimensions() => new(\n");
        w.Append($"        {List(dimensions.Prefixes)},\n        [\n");
        foreach (var d in dimensions.Dimensions) w.Append($"            new({Lit(d.Name)}, {(d.Geographic ? "true" : "false")}),\n");
        w.Append("        ],\n        [\n");
        foreach (var (alias, dim) in dimensions.Aliases) w.Append($"            ({Lit(alias)}, {dim}),\n");
        w.Append("        ]);\n\n");

        w.Append("    /// <summary>rules/companies.yaml</summary>\n    public static CompanyNamesData Companies() => new(\n");
        w.Append(string.Join(",\n", new[] { companies.LegalSuffixes, companies.TrailingWords, companies.LeadingWords, companies.Cues, companies.ListTerminators }
            .Select(l => "        " + List(l))));
        w.Append(");\n\n");

        // The lexicons as their built trie (LexiconTable), in arrays the binary carries as data: no entry is read or
        // tokenised, and no trie built, when the linter starts.
        var table = LexiconTable.Build(industries.Entries);
        w.Append("    /// <summary>rules/domains/*.yaml, in file-name order, with their entries' trie built</summary>\n    public static IndustryLexiconsData Industries() => new(\n        [\n");
        foreach (var i in industries.Industries)
            w.Append($"            new({Lit(i.Id)}, {Lit(i.Name)}, {List(i.Categories)}, {i.Index}),\n");
        w.Append("        ],\n        [])\n    {\n        Table = new LexiconTable\n        {\n");
        foreach (var name in new[] { "Vocabulary", "Keys" })
            w.Append($"            {name} = LexiconWords.{name},\n");
        foreach (var name in new[] { "Slots", "RootChild", "EdgeStart", "EdgeCount", "EdgeWord", "EdgeChild", "Key", "WeightStart", "WeightCount", "WeightIndustry", "WeightValue" })
            w.Append($"            {name} = LexiconNumbers.{name},\n");
        w.Append($"            MaxWords = {table.MaxWords},\n        }},\n    }};\n\n");
        // The numbers in a class of their own: a static constructor that only fills arrays of numbers is run by the native
        // compiler, which stores the arrays in the binary (no allocation or copy at start-up, nothing for the collector to
        // move); arrays of strings are made at run time.
        w.Append("    private static class LexiconWords\n    {\n");
        Array("string", "Vocabulary", table.Vocabulary.Select(Lit));
        Array("string", "Keys", table.Keys.Select(Lit));
        w.Append("    }\n\n");
        w.Append("    private static class LexiconNumbers\n    {\n");
        foreach (var (name, values) in new (string, int[])[] { ("Slots", table.Slots), ("RootChild", table.RootChild), ("EdgeStart", table.EdgeStart),
                     ("EdgeCount", table.EdgeCount), ("EdgeWord", table.EdgeWord), ("EdgeChild", table.EdgeChild), ("Key", table.Key),
                     ("WeightStart", table.WeightStart), ("WeightCount", table.WeightCount), ("WeightIndustry", table.WeightIndustry), ("WeightValue", table.WeightValue) })
            Array("int", name, values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        w.Append("    }\n\n");

        void Array(string type, string name, IEnumerable<string> items)
        {
            w.Append($"        public static readonly {type}[] {name} =\n        [\n");
            var line = new StringBuilder();
            foreach (var item in items)
            {
                if (line.Length > 0 && line.Length + item.Length > 110) { w.Append("            ").Append(line.ToString().TrimEnd()).Append('\n'); line.Clear(); }
                line.Append(item).Append(", ");
            }
            if (line.Length > 0) w.Append("            ").Append(line.ToString().TrimEnd()).Append('\n');
            w.Append("        ];\n");
        }

        w.Append("    /// <summary>rules/packs/*.yaml, in file-name order</summary>\n    public static IReadOnlyList<PackRuleData> RulePacks() =>\n    [\n");
        foreach (var r in packs)
        {
            string swap = r.Swap is null ? "null" : "[" + string.Join(", ", r.Swap.Select(p => $"({Lit(p.Key)}, {Lit(p.Replacement)})")) + "]";
            string fields = r.Fields is null ? "null" : "[" + string.Join(", ", r.Fields.Select(List)) + "]";
            w.Append($"        new({Lit(r.Id)}, {Lit(r.Kind)}, {Lit(r.Message)}, Severity.{r.Severity}, {Lit(r.Description)}, {Bool(r.IgnoreCase)}, {Bool(r.Enabled)},\n");
            w.Append($"            {Lit(r.Pattern)}, {swap}, {fields}),\n");
        }
        w.Append("    ];\n\n");

        w.Append("    /// <summary>rules/placeholders.yaml, most specific first</summary>\n    public static IReadOnlyList<PlaceholderPattern> Placeholders() =>\n    [\n");
        foreach (var p in placeholders)
            w.Append($"        new({Lit(p.Id)}, {Method(p.Id)}(), {Lit(p.Message)}, {List(p.Requires)}{(p.Prefilter is null ? "" : $", {Method(p.Id)}Prefilter()")}),\n");
        w.Append("    ];\n");
        foreach (var p in placeholders)
        {
            string options = "RegexOptions.CultureInvariant" + (p.IgnoreCase ? " | RegexOptions.IgnoreCase" : "");
            w.Append($"\n    [GeneratedRegex({Lit(p.Pattern)}, {options}, {(int)Placeholders.MatchTimeout.TotalMilliseconds})]\n");
            w.Append($"    private static partial Regex {Method(p.Id)}();\n");
            if (p.Prefilter is null) continue;
            w.Append($"\n    [GeneratedRegex({Lit(p.Prefilter)}, {options}, {(int)Placeholders.MatchTimeout.TotalMilliseconds})]\n");
            w.Append($"    private static partial Regex {Method(p.Id)}Prefilter();\n");
        }
        w.Append("}\n");
        return w.ToString();
    }

    private static string Method(string id) =>
        "Placeholder" + string.Concat(id.Split('-', '_').Select(part => part.Length == 0 ? "" : char.ToUpperInvariant(part[0]) + part[1..]));

    private static string Bool(bool b) => b ? "true" : "false";

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Lit)) + "]";

    /// <summary>A C# string literal: ASCII, everything else escaped, so the file reads the same in any editor.</summary>
    private static string Lit(string? s)
    {
        if (s is null) return "null";
        var b = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': b.Append(@"\\"); break;
                case '"': b.Append("\\\""); break;
                case '\n': b.Append(@"\n"); break;
                case '\r': b.Append(@"\r"); break;
                case '\t': b.Append(@"\t"); break;
                default:
                    if (c < ' ' || c > '~') b.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else b.Append(c);
                    break;
            }
        }
        return b.Append('"').ToString();
    }
}
