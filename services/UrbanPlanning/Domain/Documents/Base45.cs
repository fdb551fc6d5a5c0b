using System.Diagnostics.CodeAnalysis;

namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>
/// Base45 (RFC 9285): bytes as the 45 characters of a QR code's alphanumeric mode, which packs
/// 5.5 bits per character where byte mode needs 8. Two bytes become three characters.
/// </summary>
public static class Base45
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var output = new char[(data.Length / 2 * 3) + (data.Length % 2 * 2)];
        var at = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] << 8) | data[i + 1];
            output[at++] = Alphabet[n % 45];
            output[at++] = Alphabet[n / 45 % 45];
            output[at++] = Alphabet[n / (45 * 45)];
        }

        if (data.Length % 2 == 1)
        {
            var n = data[^1];
            output[at++] = Alphabet[n % 45];
            output[at] = Alphabet[n / 45];
        }

        return new string(output);
    }

    /// <summary>False for a character outside the alphabet, a dangling single character, or a group whose value does not fit.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? data)
    {
        data = null;
        if (text.Length % 3 == 1)
        {
            return false;
        }

        var output = new byte[(text.Length / 3 * 2) + (text.Length % 3 == 2 ? 1 : 0)];
        var at = 0;
        for (var i = 0; i < text.Length; i += 3)
        {
            var remaining = Math.Min(3, text.Length - i);
            var n = 0;
            var scale = 1;
            for (var k = 0; k < remaining; k++)
            {
                var digit = Alphabet.IndexOf(text[i + k], StringComparison.Ordinal);
                if (digit < 0)
                {
                    return false;
                }

                n += digit * scale;
                scale *= 45;
            }

            if (remaining == 3)
            {
                if (n > 0xFFFF)
                {
                    return false;
                }

                output[at++] = (byte)(n >> 8);
                output[at++] = (byte)n;
            }
            else
            {
                if (n > 0xFF)
                {
                    return false;
                }

                output[at++] = (byte)n;
            }
        }

        data = output;
        return true;
    }
}
