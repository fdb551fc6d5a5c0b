using System.Globalization;
using CityEServices.VerifyDocument;

// dotnet run --project tools/VerifyDocument -- --keys keys.json "<QR text>"   [--at 2026-01-01T00:00:00Z]
// Exit: 0 valid, 1 invalid, 2 genuine but expired, 64 usage.
const int Usage = 64;
string? keysPath = null;
string? text = null;
var now = DateTimeOffset.UtcNow;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--keys" when i + 1 < args.Length:
            keysPath = args[++i];
            break;
        case "--at" when i + 1 < args.Length && DateTimeOffset.TryParse(args[i + 1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
            now = at;
            i++;
            break;
        case "-h" or "--help":
            Console.WriteLine("verify-document --keys <jwks.json> \"<QR text>\" [--at <instant>]");
            Console.WriteLine("  Checks an issued document's QR payload offline against a saved key set");
            Console.WriteLine("  (GET /.well-known/city-document-keys). Exit 0 valid, 1 invalid, 2 expired.");
            return 0;
        default:
            if (text is not null || args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"unexpected argument '{args[i]}' (try --help)");
                return Usage;
            }

            text = args[i];
            break;
    }
}

if (keysPath is null || text is null)
{
    Console.Error.WriteLine("usage: verify-document --keys <jwks.json> \"<QR text>\" (try --help)");
    return Usage;
}

KeySet keys;
try
{
    keys = KeySet.Parse(await File.ReadAllTextAsync(keysPath));
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException or KeyNotFoundException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
{
    Console.Error.WriteLine($"cannot read the key set '{keysPath}': {e.Message}");
    return Usage;
}

using (keys)
{
    var (output, exitCode) = Report.Describe(OfflineVerifier.Verify(text, keys), now);
    Console.Write(output);
    return exitCode;
}
