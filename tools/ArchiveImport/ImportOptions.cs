namespace CityEServices.ArchiveImport;

public sealed record ImportOptions(
    string Gateway, string Folder, string Manifest, string State, string ClientId, string? ClientSecret, string? User, string? Password)
{
    public const string Usage = """
        Imports a folder of legacy scans into the archive through the gateway.

          archive-import --folder DIR [--manifest FILE] [--state FILE] [--gateway URL]
                         (--user NAME --password PW | --client-id ID --client-secret SECRET)

          --folder     the scans; manifest paths are relative to it
          --manifest   CSV with a header: path,category,renovationCode,fileNumber,title,scannedDate
                       (default DIR/manifest.csv)
          --state      progress kept between runs (default: the manifest's path + .state)
          --gateway    default $CITY_GATEWAY_URL, else http://127.0.0.1:8080
          --password   default $CITY_IMPORT_PASSWORD; --client-secret default $CITY_IMPORT_CLIENT_SECRET

        Who may import: a staff user with the archivist or admin role (password grant), or an integrator
        client granted the archive.write scope (client credentials). With archive.read as well, a client
        looks each scan's hash up first and skips what the archive holds without uploading it; without
        it the archive still answers "already archived" for the same content, after the upload.
        An account the archive refuses (401/403) stops the run at its first upload.

        Rows already archived (same content in the same file) are skipped; an interrupted run
        resumes where it stopped. Exit code: 0 all rows done, 2 some rows rejected, 1 stopped early.
        """;

    public static ImportOptions? Parse(string[] args, TextWriter error)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error.WriteLine($"Unexpected argument '{args[i]}'.");
                return null;
            }

            values[args[i][2..]] = args[++i];
        }

        string? Value(string name, string? environment = null) =>
            values.TryGetValue(name, out var v) ? v : environment is null ? null : Environment.GetEnvironmentVariable(environment);

        var folder = Value("folder");
        if (folder is null)
        {
            error.WriteLine("--folder is required.");
            return null;
        }

        var manifest = Value("manifest") ?? Path.Combine(folder, "manifest.csv");
        var secret = Value("client-secret", "CITY_IMPORT_CLIENT_SECRET");
        var user = Value("user");
        var password = Value("password", "CITY_IMPORT_PASSWORD");
        if (secret is null && (user is null || password is null))
        {
            error.WriteLine("Give --user and --password (password grant) or --client-id and --client-secret (client credentials).");
            return null;
        }

        return new ImportOptions(
            Value("gateway", "CITY_GATEWAY_URL") ?? "http://127.0.0.1:8080",
            Path.GetFullPath(folder),
            Path.GetFullPath(manifest),
            Path.GetFullPath(Value("state") ?? manifest + ".state"),
            Value("client-id") ?? "city-cli",
            secret,
            user,
            password);
    }
}
