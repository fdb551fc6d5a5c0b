using System.Text.Json.Nodes;
using CityEServices.Bench;
using CityEServices.TestSupport;

namespace CityEServices.Mix;

/// <summary>
/// Unmeasured set-up through the gateway, as bench/event-hop does it: an office licensed for URBAN_FILE
/// with a certified operator, an integrator client (property.read, urban-planning.read), and files opened
/// on registered properties for the reads to draw from.
/// </summary>
internal static class Preparation
{
    private const int OpenFiles = 40;
    private const string OperatorPassword = "Bench-Operator-Passw0rd";

    public static async Task<World> RunAsync(Gateway gateway, string adminPassword)
    {
        var run = Random.Shared.Next(10_000, 99_999);
        var admin = await gateway.PasswordTokenAsync("admin", adminPassword);
        var office = $"M{run}";
        await gateway.PostAsync("/api/offices", new { code = office, name = $"دفتر سنجش {run}", district = 22, address = "تهران" }, admin);
        // Licensed and certified for the file and for the building permits the mix's request actions create.
        string[] serviceTypes = ["URBAN_FILE", "BUILDING_PERMIT"];
        foreach (var serviceType in serviceTypes)
        {
            await gateway.PostAsync($"/api/offices/{office}/licences", new { serviceType }, admin);
        }

        var operatorId = NationalIds.Next();
        await gateway.PostAsync($"/api/offices/{office}/staff", new { nationalId = operatorId, fullName = "سارا کریمی", role = "Operator" }, admin);
        foreach (var serviceType in serviceTypes)
        {
            foreach (var kind in new[] { "Exam", "Interview", "Training" })
            {
                await gateway.PostAsync($"/api/staff/{operatorId}/qualifications", new { serviceType, kind, score = 90, passed = true }, admin);
            }
        }

        await gateway.PostAsync("/api/identity/users", new { userName = $"mix{run}", password = OperatorPassword, roles = new[] { "office-operator" }, nationalId = operatorId, officeCode = office }, admin);
        var client = await gateway.PostAsync("/api/identity/clients", new
        {
            displayName = $"Sizing benchmark {run}",
            roles = new[] { "integrator" },
            scopes = new[] { "property.read", "urban-planning.read" },
        }, admin);
        var world = new World
        {
            Admin = admin,
            Operator = await gateway.PasswordTokenAsync($"mix{run}", OperatorPassword),
            Integrator = await gateway.ClientTokenAsync(client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>()),
            Office = office,
            Run = run,
        };

        await world.RegisterPropertiesAsync(gateway, OpenFiles);
        var opened = new List<(string, string, string, string)>();
        await Parallel.ForAsync(0, OpenFiles, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            world.Unopened.TryDequeue(out var property);
            var file = await gateway.PostAsync("/api/urban-planning/files", new { renovationCode = property.RenovationCode, applicantNationalId = property.Owner, officeCode = office }, world.Operator);
            lock (opened)
            {
                opened.Add((property.RenovationCode, property.Owner, file["fileNumber"]!.GetValue<string>(), file["trackingCode"]!.GetValue<string>()));
            }
        });
        world.Files.AddRange(opened);
        Console.Error.WriteLine($"[mix] prepared office {office}, {OpenFiles} files, an integrator client");
        return world;
    }
}
