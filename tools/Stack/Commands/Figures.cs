using System.Text.RegularExpressions;

namespace CityEServices.Stack.Commands;

/// <summary>The benchmark's "name: value" lines, kept in .city/bench-figures as they come, printed as a table and as lines.</summary>
internal sealed partial class Figures(string path)
{
    private readonly List<(string Name, string Value)> _figures = [];

    public void Add(string name, string value)
    {
        _figures.Add((name, value));
        File.AppendAllText(path, $"{name}: {value}\n");
    }

    /// <summary>Every "name: value" line of a benchmark's output (its other lines are its own business).</summary>
    public void AddFrom(string output)
    {
        foreach (Match line in FigureLine().Matches(output))
        {
            Add(line.Groups[1].Value, line.Groups[2].Value.TrimEnd('\r'));
        }
    }

    public void Print()
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine($"{"figure",-40} value");
        Console.Out.WriteLine($"{new string('-', 40)} {new string('-', 10)}");
        _figures.ForEach(f => Console.Out.WriteLine($"{f.Name,-40} {f.Value}"));
        Console.Out.WriteLine();
        _figures.ForEach(f => Console.Out.WriteLine($"{f.Name}: {f.Value}"));
    }

    [GeneratedRegex("^([a-z0-9_]+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex FigureLine();
}
