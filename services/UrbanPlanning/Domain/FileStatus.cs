namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// Lifecycle of an urban-planning file. Work happens in its service requests, which carry their own
/// states; the file itself only records that it is open (closing and archiving come with later work).
/// </summary>
public enum FileStatus
{
    Open,
}
