namespace CityEServices.OfficeManagement.Domain;

public enum StaffRole
{
    /// <summary>مدیر دفتر.</summary>
    Manager,

    /// <summary>مسئول فنی.</summary>
    TechnicalManager,

    /// <summary>کارشناس/اپراتور.</summary>
    Operator,
}
