using CityEServices.UrbanPlanning.Domain.Documents;

namespace CityEServices.UrbanPlanning.Tests.Documents;

public class DocumentNumberTests
{
    private static readonly string[] Samples = ["7K3M9QX24HTV", "000000000000", "ZZZZZZZZZZZZ", "0123456789AB", "CDEFGHJKMNPQ"];

    [Fact]
    public void New_numbers_are_13_symbols_that_parse_back_and_never_repeat()
    {
        var numbers = Enumerable.Range(0, 2000).Select(_ => DocumentNumber.New()).ToList();

        Assert.All(numbers, n =>
        {
            Assert.Equal(DocumentNumber.Length, n.Value.Length);
            Assert.All(n.Value, c => Assert.Contains(c, CrockfordBase32.Alphabet));
            Assert.True(DocumentNumber.TryParse(n.Value, out var parsed));
            Assert.Equal(n, parsed);
        });
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.True(DocumentNumber.EntropyBits >= 60);
    }

    [Fact]
    public void Symbols_are_spread_over_the_whole_alphabet_in_every_random_position()
    {
        var numbers = Enumerable.Range(0, 4000).Select(_ => DocumentNumber.New().Value).ToList();

        for (var position = 0; position < DocumentNumber.RandomLength; position++)
        {
            Assert.Equal(32, numbers.Select(n => n[position]).Distinct().Count());
        }
    }

    [Fact]
    public void Check_symbol_is_the_GF32_remainder_worked_by_hand()
    {
        // All zeros: the sum is 0, so the check is 0. A final 1: the sum is 1, the check α·1 = x = 2.
        Assert.Equal("0000000000000", DocumentNumber.FromRandomPart("000000000000").Value);
        Assert.Equal("0000000000012", DocumentNumber.FromRandomPart("000000000001").Value);
        // A 1 one place earlier weighs α²: x² = 4.
        Assert.Equal("0000000000104", DocumentNumber.FromRandomPart("000000000010").Value);
    }

    [Fact]
    public void Every_single_wrong_symbol_is_rejected()
    {
        foreach (var sample in Samples)
        {
            var number = DocumentNumber.FromRandomPart(sample).Value;
            for (var position = 0; position < number.Length; position++)
            {
                foreach (var other in CrockfordBase32.Alphabet.Where(c => c != number[position]))
                {
                    var typo = string.Concat(number.AsSpan(0, position), other.ToString(), number.AsSpan(position + 1));
                    Assert.False(DocumentNumber.TryParse(typo, out _), $"{typo} (from {number}) was accepted");
                }
            }
        }
    }

    [Fact]
    public void Every_swap_of_two_different_symbols_is_rejected_adjacent_or_not()
    {
        foreach (var sample in Samples.Append(DocumentNumber.New().Value[..12]))
        {
            var number = DocumentNumber.FromRandomPart(sample).Value;
            for (var i = 0; i < number.Length; i++)
            {
                for (var j = i + 1; j < number.Length; j++)
                {
                    if (number[i] == number[j])
                    {
                        continue;
                    }

                    var swapped = number.ToCharArray();
                    (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
                    Assert.False(DocumentNumber.TryParse(new string(swapped), out _), $"{new string(swapped)} (from {number}) was accepted");
                }
            }
        }
    }

    [Theory]
    [InlineData("7k3m-9qx2-4htv")]
    [InlineData("7K3M 9QX2 4HTV")]
    [InlineData("7K3M9QX24HTV")]
    public void Typing_is_forgiving_about_case_hyphens_and_spaces(string typedPrefix)
    {
        var number = DocumentNumber.FromRandomPart("7K3M9QX24HTV");

        Assert.True(DocumentNumber.TryParse(typedPrefix + number.Value[^1], out var parsed));
        Assert.Equal(number, parsed);
    }

    [Theory]
    [InlineData("7K3M9QX24HT")]
    [InlineData("7K3M9QX24HTVR")]
    [InlineData("7K3M-9QX2-4HTV")]
    [InlineData("7K3M9QX24HTU")]
    public void A_random_part_is_exactly_twelve_symbols_of_the_alphabet(string random)
    {
        Assert.Throws<ArgumentException>(() => DocumentNumber.FromRandomPart(random));
    }

    [Fact]
    public void A_random_part_in_lower_case_is_written_canonical()
    {
        Assert.Equal(DocumentNumber.FromRandomPart("7K3M9QX24HTV"), DocumentNumber.FromRandomPart("7k3m9qx24htv"));
        Assert.Equal("7K3M9QX24HTV", DocumentNumber.FromRandomPart("7k3m9qx24htv").Value[..12]);
    }

    [Fact]
    public void Crockford_aliases_and_Persian_digits_read_as_the_symbols_they_stand_for()
    {
        var number = DocumentNumber.FromRandomPart("01100A1B0C1D");

        Assert.True(DocumentNumber.TryParse("OIL0OAiBoClD" + number.Value[^1], out var aliased));
        Assert.Equal(number, aliased);
        Assert.True(DocumentNumber.TryParse("۰۱۱۰۰A۱B۰C۱D" + number.Value[^1], out var persian));
        Assert.Equal(number, persian);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7K3M9QX24HTV")]
    [InlineData("7K3M9QX24HTVRR")]
    [InlineData("7K3M9QX24HTU0")]
    [InlineData("7K3M9QX24HT*0")]
    public void Rejects_what_cannot_be_a_number(string? input) => Assert.False(DocumentNumber.TryParse(input, out _));

    [Fact]
    public void Displays_in_groups_with_the_check_symbol_apart()
    {
        var number = DocumentNumber.FromRandomPart("7K3M9QX24HTV");

        Assert.Equal($"7K3M-9QX2-4HTV-{number.Value[^1]}", number.Display);
        Assert.True(DocumentNumber.TryParse(number.Display, out var parsed));
        Assert.Equal(number, parsed);
    }
}
