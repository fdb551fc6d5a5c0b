using CityEServices.Iran;
using CityEServices.Contracts.Codes;
using CityEServices.OfficeManagement.Domain;

namespace CityEServices.OfficeManagement.Tests;

public class OfficeTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Office NewOffice(OfficeStatus status = OfficeStatus.Pilot) =>
        Office.Open(OfficeCode.Parse("TH7"), "دفتر", 7, "تهران", status, At, "admin");

    [Fact]
    public void A_licence_is_granted_once_until_revoked()
    {
        var office = NewOffice();

        var first = office.GrantLicence(ServiceTypes.WasteContract, At, "admin");
        Assert.True(first.Succeeded);
        Assert.True(office.IsLicensedFor(ServiceTypes.WasteContract));
        Assert.False(office.IsLicensedFor(ServiceTypes.BuildingPermit));

        Assert.Equal(Conflicts.AlreadyLicensed, office.GrantLicence(ServiceTypes.WasteContract, At.AddDays(1), "admin").Refusal?.Reason);
        Assert.False(office.LostLicenceFor(ServiceTypes.WasteContract));

        Assert.True(office.RevokeLicence(ServiceTypes.WasteContract, At.AddDays(2), "admin").Succeeded);
        Assert.False(office.IsLicensedFor(ServiceTypes.WasteContract));
        Assert.True(office.LostLicenceFor(ServiceTypes.WasteContract));
        Assert.False(office.LostLicenceFor(ServiceTypes.BuildingPermit));
        Assert.Equal(Conflicts.NoActiveLicence, office.RevokeLicence(ServiceTypes.WasteContract, At.AddDays(2), "admin").Refusal?.Reason);

        Assert.True(office.GrantLicence(ServiceTypes.WasteContract, At.AddDays(3), "admin").Succeeded);
        Assert.False(office.LostLicenceFor(ServiceTypes.WasteContract));
        Assert.Equal(2, office.Licences.Count);
        Assert.Equal(At.AddDays(2), office.Licences[0].RevokedAt);
    }

    [Fact]
    public void A_closed_office_takes_no_licences_or_staff()
    {
        var office = NewOffice(OfficeStatus.Closed);

        Assert.Equal(Conflicts.OfficeClosed, office.GrantLicence(ServiceTypes.UrbanFile, At, "admin").Refusal?.Reason);
        Assert.Equal(Conflicts.OfficeClosed, office.RefusalToHire()?.Reason);
        Assert.Null(NewOffice(OfficeStatus.Suspended).RefusalToHire());
    }

    [Fact]
    public void Unknown_service_types_never_reach_a_licence()
    {
        Assert.Throws<ArgumentException>(() => NewOffice().GrantLicence("PIZZA", At, "admin"));
    }

    [Fact]
    public void The_catalog_titles_every_service_type_in_contract_order()
    {
        Assert.Equal(ServiceTypes.All, ServiceTypeCatalog.All.Select(t => t.Code));
        Assert.All(ServiceTypeCatalog.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.TitleEn));
            Assert.Contains(t.TitleFa, c => c is >= '\u0600' and <= '\u06FF');
            Assert.Equal(Iran.PersianText.Normalize(t.TitleFa), t.TitleFa);
        });
    }

    [Fact]
    public void The_catalog_says_what_staff_need_and_which_types_are_switched_off()
    {
        var policy = new CertificationPolicy { ExamPassMark = 75m, CertificationValidity = TimeSpan.FromDays(365), InactiveServiceTypes = [ServiceTypes.WasteContract] };

        var catalog = ServiceTypeCatalog.Describe(policy);

        Assert.Equal([ServiceTypes.WasteContract], catalog.Where(t => !t.Active).Select(t => t.Code));
        Assert.All(catalog, t =>
        {
            Assert.Equal([QualificationKind.Exam, QualificationKind.Interview, QualificationKind.Training], t.Staff.Qualifications);
            Assert.Equal(75m, t.Staff.ExamPassMark);
            Assert.Equal(365, t.Staff.CertificationValidityDays);
        });
        Assert.NotEmpty(new CertificationPolicy { InactiveServiceTypes = ["PIZZA"] }.Problems());
    }

    [Fact]
    public void Status_changes_are_recorded_and_closing_is_final()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var office = Office.Open(OfficeCode.Parse("TH1"), "دفتر", 3, "تهران", OfficeStatus.Pilot, at, "admin");

        var active = office.ChangeStatus(OfficeStatus.Active, at, "admin", "pilot over");
        Assert.Equal((OfficeStatus.Pilot, OfficeStatus.Active, "pilot over"), (active.Value!.FromStatus, active.Value.ToStatus, active.Value.Note));
        Assert.Equal(Conflicts.StatusUnchanged, office.ChangeStatus(OfficeStatus.Active, at, "admin").Refusal?.Reason);
        Assert.True(office.ChangeStatus(OfficeStatus.Closed, at, "admin").Succeeded);
        Assert.Equal(Conflicts.OfficeClosed, office.ChangeStatus(OfficeStatus.Active, at, "admin").Refusal?.Reason);
        Assert.Equal(OfficeStatus.Closed, office.Status);
    }

    [Fact]
    public void Pass_mark_and_validity_are_checked_at_start_up()
    {
        Assert.Empty(new CertificationPolicy().Problems());
        Assert.NotEmpty(new CertificationPolicy { ExamPassMark = 101 }.Problems());
        Assert.NotEmpty(new CertificationPolicy { CertificationValidity = TimeSpan.Zero }.Problems());
        Assert.Equal((70m, TimeSpan.FromDays(730)), (new CertificationPolicy().ExamPassMark, new CertificationPolicy().CertificationValidity));
    }
}
