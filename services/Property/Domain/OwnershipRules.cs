namespace CityEServices.Property.Domain;

/// <summary>The rules every set of current owners obeys, used by request validation and by the aggregate alike.</summary>
public static class OwnershipRules
{
    /// <summary>Why a single share is impossible, or null when it is fine.</summary>
    public static string? CheckShare(Dang share) =>
        !share.IsPositive ? $"A share must be more than 0 dang; got {Describe(share)}."
        : share > Dang.Six ? $"A share cannot exceed 6 dang; got {Describe(share)}."
        : null;

    /// <summary>Why these shares cannot be the whole property, or null when they add up to exactly six dang.</summary>
    public static string? CheckTotal(IReadOnlyCollection<Dang> shares)
    {
        if (shares.Count == 0)
        {
            return "A property needs at least one owner.";
        }

        Dang total;
        try
        {
            total = Dang.Sum(shares);
        }
        catch (OverflowException)
        {
            return "The shares are divided too finely to add up exactly; use simpler fractions.";
        }

        return total == Dang.Six ? null : $"Owner shares must sum to exactly 6 dang; they sum to {Describe(total)}.";
    }

    /// <summary>Both forms when they differ, e.g. <c>11/2 (5.5)</c>, so a person and a program can each read it.</summary>
    public static string Describe(Dang value) =>
        value.TryFormatDecimal(out var decimalText) && decimalText != value.ToString()
            ? $"{value} ({decimalText})"
            : value.ToString();
}
