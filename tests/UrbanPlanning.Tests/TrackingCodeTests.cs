using CityEServices.UrbanPlanning.Domain;

namespace CityEServices.UrbanPlanning.Tests;

public class TrackingCodeTests
{
    [Fact]
    public void Alphabet_has_no_ambiguous_characters_and_no_repeats()
    {
        foreach (var ambiguous in "0O1IL")
        {
            Assert.DoesNotContain(ambiguous, TrackingCode.Alphabet);
        }

        Assert.Equal(TrackingCode.Alphabet.Length, TrackingCode.Alphabet.Distinct().Count());
        Assert.All(TrackingCode.Alphabet, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)));
    }

    [Fact]
    public void Carries_at_least_60_bits()
    {
        var bits = TrackingCode.Length * Math.Log2(TrackingCode.Alphabet.Length);

        Assert.True(bits >= 60, $"{bits:F1} bits");
        Assert.Equal(bits, TrackingCode.EntropyBits, 6);
    }

    [Fact]
    public void New_codes_have_the_length_and_only_alphabet_characters()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var code = TrackingCode.New();

            Assert.Equal(TrackingCode.Length, code.Length);
            Assert.All(code, c => Assert.Contains(c, TrackingCode.Alphabet));
        }
    }

    [Fact]
    public void Many_draws_are_all_different()
    {
        const int draws = 200_000;
        var seen = new HashSet<string>(draws, StringComparer.Ordinal);

        for (var i = 0; i < draws; i++)
        {
            Assert.True(seen.Add(TrackingCode.New()), $"duplicate after {i} draws");
        }
    }

    [Fact]
    public void Every_symbol_is_used_about_equally()
    {
        // 40,000 codes × 13 symbols = 520,000 draws, ≈ 16,774 per symbol with σ ≈ 127. A generator that
        // skipped symbols or was biased (e.g. byte % 31) would leave this band; a fair one stays in it.
        const int codes = 40_000;
        var counts = new Dictionary<char, int>();
        for (var i = 0; i < codes; i++)
        {
            foreach (var c in TrackingCode.New())
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        var expected = (double)codes * TrackingCode.Length / TrackingCode.Alphabet.Length;
        Assert.Equal(TrackingCode.Alphabet.Length, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, expected * 0.96, expected * 1.04));
    }

    [Theory]
    [InlineData("abcd-efgh-jkm23", "ABCDEFGHJKM23")]
    [InlineData(" ABCD EFGH JKM23 ", "ABCDEFGHJKM23")]
    [InlineData("ABCDEFGHJKM۲۳", "ABCDEFGHJKM23")]
    public void Normalises_what_a_citizen_types(string input, string expected)
    {
        Assert.True(TrackingCode.TryNormalize(input, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCDEFGHJKM2")] // too short
    [InlineData("ABCDEFGHJKM234")] // too long
    [InlineData("ABCDEFGHJKM2O")] // O is not in the alphabet
    [InlineData("ABCDEFGHJKM21")] // nor is 1
    [InlineData("ABCDEFGHJKM2_")]
    public void Rejects_what_cannot_be_a_code(string? input) => Assert.False(TrackingCode.TryNormalize(input, out _));

    [Fact]
    public void A_new_code_normalises_to_itself()
    {
        var code = TrackingCode.New();

        Assert.True(TrackingCode.TryNormalize(code.ToLowerInvariant(), out var normalised));
        Assert.Equal(code, normalised);
    }
}
