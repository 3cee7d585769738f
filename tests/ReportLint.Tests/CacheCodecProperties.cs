using CsCheck;
using FluentAssertions;
using ReportLint.Cli;
using Xunit;

namespace ReportLint.Tests;

/// <summary>The results cache's encoding: what is written reads back, and a damaged or cut file is refused, never misread into a crash.</summary>
public class CacheCodecProperties
{
    /// <summary>One value of each kind the cache writes.</summary>
    private abstract record Value;
    private sealed record IntValue(int V) : Value;
    private sealed record NullableIntValue(int? V) : Value;
    private sealed record UIntValue(ulong V) : Value;
    private sealed record FixedValue(ulong V) : Value;
    private sealed record ByteValue(byte V) : Value;
    private sealed record TextValue(string? V) : Value;

    private static readonly Gen<string?> Texts = Gen.OneOf<string?>(
        Gen.String, Gen.String.Select(s => (string?)null), Gen.Const((string?)""), Gen.Const((string?)"1.45 × 1.135^7 = 3.52 — €, 中文, 😀"));

    private static readonly Gen<Value> Values = Gen.OneOf<Value>(
        Gen.Int.Select(v => (Value)new IntValue(v)),
        Gen.OneOf(Gen.Int.Select(v => (int?)v), Gen.Const((int?)null), Gen.Const((int?)int.MinValue), Gen.Const((int?)int.MaxValue)).Select(v => (Value)new NullableIntValue(v)),
        Gen.ULong.Select(v => (Value)new UIntValue(v)),
        Gen.ULong.Select(v => (Value)new FixedValue(v)),
        Gen.Byte.Select(v => (Value)new ByteValue(v)),
        Texts.Select(v => (Value)new TextValue(v)));

    private static byte[] Write(Value[] values)
    {
        var writer = new CacheWriter();
        foreach (var value in values)
            switch (value)
            {
                case IntValue v: writer.Int(v.V); break;
                case NullableIntValue v: writer.NullableInt(v.V); break;
                case UIntValue v: writer.UInt(v.V); break;
                case FixedValue v: writer.UInt64Fixed(v.V); break;
                case ByteValue v: writer.Byte(v.V); break;
                case TextValue v: writer.String(v.V); break;
            }
        return writer.Written.ToArray();
    }

    /// <summary>Reads values of the kinds in <paramref name="shape"/>, in order, from <paramref name="bytes"/>.</summary>
    private static (List<Value> Values, bool AtEnd) Read(byte[] bytes, Value[] shape)
    {
        var reader = new CacheReader(bytes);
        var read = new List<Value>();
        foreach (var kind in shape)
            read.Add(kind switch
            {
                IntValue => new IntValue(reader.Int()),
                NullableIntValue => new NullableIntValue(reader.NullableInt()),
                UIntValue => new UIntValue(reader.UInt()),
                FixedValue => new FixedValue(reader.UInt64Fixed()),
                ByteValue => new ByteValue(reader.Byte()),
                _ => new TextValue(reader.NullableString()),
            });
        return (read, reader.AtEnd);
    }

    /// <summary>A string as UTF-8 gives it back: lone surrogates become U+FFFD, as in any UTF-8 file.</summary>
    private static Value AsStored(Value value) =>
        value is TextValue { V: { } text } ? new TextValue(System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text))) : value;

    [Fact]
    public void What_is_written_reads_back_and_nothing_is_left_over()
    {
        Values.Array[0, 30].Sample(values =>
        {
            var (read, atEnd) = Read(Write(values), values);
            read.Should().Equal(values.Select(AsStored));
            atEnd.Should().BeTrue();
        }, iter: 5_000);
    }

    [Fact]
    public void A_cut_encoding_is_refused_as_damaged()
    {
        Gen.Select(Values.Array[1, 20], Gen.Double[0, 0.999]).Sample((values, cut) =>
        {
            var bytes = Write(values);
            var prefix = bytes[..(int)(cut * bytes.Length)];
            var reading = () => Read(prefix, values);
            reading.Should().Throw<InvalidDataException>();
        }, iter: 5_000);
    }

    [Fact]
    public void A_count_is_never_more_than_the_bytes_that_follow_it()
    {
        // A damaged count must not size an array: every counted item takes at least a byte.
        Gen.Select(Gen.OneOf(Gen.UInt[0, 50], Gen.UInt), Gen.Int[0, 40]).Sample((count, left) =>
        {
            var writer = new CacheWriter();
            writer.UInt(count);
            writer.Bytes(new byte[left]);
            var bytes = writer.Written.ToArray();
            var reading = () => new CacheReader(bytes).Count();
            if (count <= (uint)left) reading.Should().NotThrow().Which.Should().Be((int)count);
            else reading.Should().Throw<InvalidDataException>();
        }, iter: 5_000);
    }

    [Fact]
    public void Arbitrary_bytes_read_as_values_or_are_refused_as_damaged()
    {
        Gen.Select(Gen.Byte.Array[0, 64], Values.Array[1, 12]).Sample((bytes, shape) =>
        {
            try
            {
                Read(bytes, shape);
            }
            catch (InvalidDataException)
            {
                // refused: what a damaged cache entry must do
            }
        }, iter: 20_000);
    }
}

/// <summary>A file's stored results: they read back as they were, and damaged ones are refused, never misread into a crash.</summary>
public class StoredResultsProperties
{
    private static readonly Lazy<(Core.Output.FileReport Report, Dictionary<string, Core.Rules.RuleDescriptor> Rules)> Seed = new(() =>
    {
        var linter = new Core.Engine.Linter();
        var result = linter.Lint(Core.Documents.DocumentReader.Read("seed.txt", File.ReadAllBytes(TestPaths.SeedReport)));
        var report = new Core.Output.FileReport("seed.txt", result.Findings, result.Claims.Coverage, result.Notifications);
        return (report, linter.Descriptors.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase));
    });

    [Fact]
    public void A_message_kept_as_UTF8_is_written_and_read_as_the_text_it_encodes()
    {
        var given = Seed.Value.Report.Findings[0];
        // Short and long messages (the writer decodes up to 512 bytes on the stack, longer ones into a rented buffer),
        // any characters: what a message stored as UTF-8 comes back as is what decoding those bytes gives.
        Gen.OneOf(Gen.String, Gen.Char.Array[0, 1500].Select(c => new string(c)), Gen.Const("1.45 × 1.135^7 = 3.52 — €, 中文, 😀")).Sample(text =>
        {
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
            string expected = System.Text.Encoding.UTF8.GetString(utf8);
            var finding = new Core.Findings.Finding(given.Rule, given.Severity, utf8, given.Location);
            var written = new StringWriter();
            finding.WriteMessage(written);
            written.ToString().Should().Be(expected);
            finding.Message.Should().Be(expected);
            var again = new StringWriter();
            finding.WriteMessage(again);
            again.ToString().Should().Be(expected);
            // The same for a related place's message, a fix's description and an edit's new text.
            var related = new Core.Findings.RelatedLocation(given.Location, utf8);
            var relatedWritten = new StringWriter();
            related.WriteMessage(relatedWritten);
            relatedWritten.ToString().Should().Be(expected);
            related.Message.Should().Be(expected);
            related.Should().Be(new Core.Findings.RelatedLocation(given.Location, expected), "records compare the texts however they are held");
            var edit = new Core.Findings.TextEdit(given.Location, utf8);
            edit.NewText.Should().Be(expected);
            var fix = new Core.Findings.SuggestedFix(utf8, [edit]);
            var fixWritten = new StringWriter();
            fix.WriteDescription(fixWritten);
            fixWritten.ToString().Should().Be(expected);
            fix.Description.Should().Be(expected);
        }, iter: 2_000);
    }

    [Fact]
    public void The_seed_s_results_read_back_as_they_were()
    {
        var (report, rules) = Seed.Value;
        report.Findings.Should().NotBeEmpty();
        var back = ResultCache.Decode(ResultCache.Encode(report), "elsewhere/seed.txt", rules)!;
        back.Coverage.Should().Be(report.Coverage);
        back.Notifications.Should().Equal(report.Notifications);
        back.Findings.Select(f => f.ToString()).Should().Equal(report.Findings.Select(f => f.ToString().Replace("seed.txt", "elsewhere/seed.txt")));
        back.Findings.Select(f => (f.Location with { Path = "" }, f.Message, f.LineHash, f.Suppression, f.Related.Count, f.Fixes.Count, string.Join(";", f.Properties)))
            .Should().Equal(report.Findings.Select(f => (f.Location with { Path = "" }, f.Message, f.LineHash, f.Suppression, f.Related.Count, f.Fixes.Count, string.Join(";", f.Properties))));
        // Related messages and fixes come back as UTF-8 held until read: the same texts, and the same printed report.
        back.Findings.SelectMany(f => f.Related.Select(r => (r.Location with { Path = "" }, r.Message)))
            .Should().Equal(report.Findings.SelectMany(f => f.Related.Select(r => (r.Location with { Path = "" }, r.Message))));
        back.Findings.SelectMany(f => f.Fixes.Select(x => x.Description + " => " + string.Join(", ", x.Edits.Select(e => $"{e.Location.Line}:{e.Location.Column} '{e.NewText}'"))))
            .Should().Equal(report.Findings.SelectMany(f => f.Fixes.Select(x => x.Description + " => " + string.Join(", ", x.Edits.Select(e => $"{e.Location.Line}:{e.Location.Column} '{e.NewText}'")))));
        string Printed(Core.Output.FileReport file)
        {
            var writer = new StringWriter();
            new Core.Output.TextFormatter(color: false).Write(new Core.Output.LintReport([file with { Path = "seed.txt" }], "test", false), writer);
            return writer.ToString();
        }
        Printed(ResultCache.Decode(ResultCache.Encode(report), "seed.txt", rules, details: false)!).Should().Be(Printed(report));
    }

    [Fact]
    public void Damaged_results_decode_or_are_refused_as_damaged()
    {
        var (report, rules) = Seed.Value;
        byte[] stored = ResultCache.Encode(report);
        // Bytes overwritten, or the results cut short: either may still read (a changed letter in a message), but reading
        // never fails any other way than as damaged results.
        Gen.Select(Gen.Int[0, stored.Length - 1].Array[1, 4], Gen.Byte.Array[4], Gen.Int[0, stored.Length]).Sample((places, bytes, cut) =>
        {
            var damaged = stored.ToArray();
            for (int i = 0; i < places.Length; i++) damaged[places[i]] = bytes[i];
            foreach (var candidate in new[] { damaged, stored[..cut] })
                try
                {
                    ResultCache.Decode(candidate, "seed.txt", rules);
                }
                catch (InvalidDataException)
                {
                    // refused
                }
        }, iter: 5_000);
    }
}
