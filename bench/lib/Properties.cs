using CityEServices.TestSupport;

namespace CityEServices.Bench;

/// <summary>The benchmark's properties: one owner each, whole (6 dang), in district 22, numbered per run.</summary>
internal static class Properties
{
    /// <summary>Registers property <paramref name="index"/> of <paramref name="run"/> (unmeasured); its renovation code and owner.</summary>
    public static async Task<(string RenovationCode, string Owner)> RegisterAsync(Gateway gateway, int run, int index, string adminToken)
    {
        var owner = NationalIds.Next();
        var code = $"22-{run % 90 + 1}-{run}-{index}-0-0-0";
        await gateway.PostAsync("/api/properties", new
        {
            renovationCode = code,
            registrationPlate = new { section = 11, main = 4512, sub = index },
            district = 22,
            address = "تهران، خیابان ولیعصر",
            postalCode = "1965833111",
            landAreaM2 = 200,
            buildingAreaM2 = 400,
            floors = 2,
            usage = "Residential",
            owners = new[] { new { partyType = "Person", nationalId = owner, fullName = "مریم احمدی", shareDang = 6 } },
        }, adminToken);
        return (code, owner);
    }
}
