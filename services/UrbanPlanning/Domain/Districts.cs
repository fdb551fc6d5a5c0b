namespace CityEServices.UrbanPlanning.Domain;

/// <summary>Tehran's 22 municipal districts (مناطق ۲۲گانه).</summary>
public static class Districts
{
    public const int Min = 1;
    public const int Max = 22;

    public static bool IsValid(int district) => district is >= Min and <= Max;
}
