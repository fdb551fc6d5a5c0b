using System.Text.RegularExpressions;
using CityEServices.TestSupport;
using Xunit;

namespace CityEServices.Architecture.Tests;

/// <summary>
/// Under <c>set -o pipefail</c>, a <c>grep -q</c> (or <c>-m</c>) at the end of a pipe stops reading at its first
/// match; the writer then dies of SIGPIPE and the pipe fails although the match was found. Which way it goes
/// depends on timing: <c>./city test</c> took Debian's Chromium for missing about four times in five that way.
/// </summary>
public sealed partial class ShellScriptTests
{
    [Fact]
    public void No_script_under_pipefail_pipes_into_a_grep_that_stops_reading()
    {
        var offences = Scripts()
            .Select(file => (file, lines: File.ReadAllLines(file)))
            .Where(s => s.lines.Any(line => line.Contains("pipefail", StringComparison.Ordinal)))
            .SelectMany(s => s.lines.Select((line, i) => (line, number: i + 1))
                .Where(l => StopsReading(l.line))
                .Select(l => $"{SourceFiles.Relative(s.file)}:{l.number}: {l.line.Trim()}"))
            .ToList();

        Assert.True(offences.Count == 0,
            "Let grep read everything (grep PATTERN >/dev/null), or test captured output:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_check_sees_an_early_stopping_grep_when_there_is_one()
    {
        Assert.True(StopsReading("if apt-cache show chromium | grep -q '^Version:'; then"));
        Assert.True(StopsReading("x=$(ps -e | grep -m1 postgres)"));
        Assert.True(StopsReading("tr '\\0' ' ' < f | grep --quiet Archive"));
        Assert.False(StopsReading("apt-cache show chromium | grep '^Version:' >/dev/null"));
        Assert.False(StopsReading("grep -q PONG reply.txt || exit 1"));
        Assert.False(StopsReading("  # a comment may say | grep -q"));
    }

    public static bool StopsReading(string line) =>
        !line.TrimStart().StartsWith('#') && EarlyStoppingGrep().IsMatch(line);

    /// <summary>The repository's shell scripts: ./city and every *.sh.</summary>
    private static IEnumerable<string> Scripts() => ScriptsUnder(RepositoryPaths.Root).Append(Path.Combine(RepositoryPaths.Root, "city"));

    // Never into what builds and ./city write: other test assemblies create and delete servers' data there meanwhile.
    private static IEnumerable<string> ScriptsUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*.sh").Concat(Directory.EnumerateDirectories(folder)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj" or ".city" or ".git" or "node_modules" or "TestResults"))
            .SelectMany(ScriptsUnder));

    // A single pipe (not ||) into grep whose options, before the next pipe or command, include q, m or their long names.
    [GeneratedRegex(@"(?<!\|)\|(?!\|)\s*grep\b[^|;&]*?\s(-[A-Za-z]*[qm]|--quiet|--silent|--max-count)")]
    private static partial Regex EarlyStoppingGrep();
}
