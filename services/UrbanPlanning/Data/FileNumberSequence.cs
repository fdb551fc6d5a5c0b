namespace CityEServices.UrbanPlanning.Data;

/// <summary>The last file number handed out in a district. One row per district, created on first use.</summary>
public sealed class FileNumberSequence
{
    public int District { get; set; }

    public long LastValue { get; set; }
}
