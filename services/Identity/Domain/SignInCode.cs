using System.Security.Cryptography;
using System.Text;

namespace CityEServices.Identity.Domain;

/// <summary>
/// A citizen's one-time sign-in code: six digits texted to the mobile on file, kept here only as a hash.
/// It dies at <see cref="ExpiresAt"/>, after <see cref="MaxTries"/> tries, or once used.
/// </summary>
public sealed class SignInCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public const int MaxTries = 5;

    /// <summary>Codes one national ID may be sent per <see cref="RateWindow"/>, whoever asks: SMS cost a citizen's attention and the city money.</summary>
    public const int MaxPerWindow = 3;

    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(15);

    public const int Digits = 6;

    public Guid Id { get; init; }

    public required string NationalId { get; init; }

    /// <summary>SHA-256 of the id and the code: only six digits, so a reader of the table could still try them all; what it stops is the code being read off a screen or a backup.</summary>
    public required string CodeHash { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public int Tries { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>Six digits from the operating system's CSPRNG, leading zeros kept.</summary>
    public static string NewCode() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Hash(Guid id, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}")));

    /// <summary>Compares in constant time, so the answer's timing says nothing about how many digits were right.</summary>
    public bool Matches(string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeHash), Encoding.ASCII.GetBytes(Hash(Id, code)));
}
