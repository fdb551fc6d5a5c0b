namespace CityEServices.Property.Domain;

/// <summary>کاربری: what the property is used for, as the municipality records it.</summary>
public enum PropertyUsage
{
    Residential,
    Commercial,
    Mixed,
    Administrative,
    Industrial,
    GreenSpace,
}
