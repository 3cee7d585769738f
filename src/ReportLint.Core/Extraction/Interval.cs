using System.Globalization;

namespace ReportLint.Core.Extraction;

/// <summary>
/// A closed interval of reals: what a printed, rounded number stands for. Arithmetic is the usual interval
/// arithmetic; comparisons allow a relative 1e-9 for binary floating point only, never as a tolerance of the check.
/// </summary>
public readonly record struct Interval(double Low, double High)
{
    private const double FloatingSlack = 1e-9;

    public static Interval Point(double value) => new(value, value);
    public double Mid => (Low + High) / 2;
    public double Width => High - Low;
    public bool IsEmpty => High < Low;

    public bool Contains(double value) => value >= Low - Slack(value) && value <= High + Slack(value);
    public bool Overlaps(Interval other) =>
        Low <= other.High + Slack(other.High) && other.Low <= High + Slack(High);

    public Interval Intersect(Interval other) => new(Math.Max(Low, other.Low), Math.Min(High, other.High));
    public Interval Hull(Interval other) => new(Math.Min(Low, other.Low), Math.Max(High, other.High));

    /// <summary>Distance between the intervals (0 when they overlap).</summary>
    public double DistanceTo(Interval other) =>
        Overlaps(other) ? 0 : other.Low > High ? other.Low - High : Low - other.High;

    public static Interval operator +(Interval a, Interval b) => new(a.Low + b.Low, a.High + b.High);
    public static Interval operator -(Interval a, Interval b) => new(a.Low - b.High, a.High - b.Low);
    public static Interval operator *(Interval a, double k) => k >= 0 ? new(a.Low * k, a.High * k) : new(a.High * k, a.Low * k);

    public static Interval operator *(Interval a, Interval b)
    {
        double p1 = a.Low * b.Low, p2 = a.Low * b.High, p3 = a.High * b.Low, p4 = a.High * b.High;
        return new(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)));
    }

    /// <summary>x^n for a positive base interval and a non-negative whole exponent (monotone increasing).</summary>
    public Interval Pow(int n) => new(Math.Pow(Low, n), Math.Pow(High, n));

    /// <summary>Compound growth: start × (1 + rate)^years, for positive starts and rates above −100 %.</summary>
    public static Interval Compound(Interval start, Interval rate, int years)
    {
        var factor = new Interval(1 + rate.Low, 1 + rate.High).Pow(years);
        return start * factor;
    }

    private static double Slack(double magnitude) => Math.Abs(magnitude) * FloatingSlack + double.Epsilon;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Low:G6}, {High:G6}]");
}
