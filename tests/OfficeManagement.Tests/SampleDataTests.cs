using CityEServices.Iran;
using CityEServices.Contracts.Codes;
using CityEServices.OfficeManagement.Domain;
using CityEServices.OfficeManagement.Data.SampleData;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.OfficeManagement.Tests;

public class SampleDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_few_dozen_offices_across_all_districts_some_pilot_with_staff_at_every_stage()
    {
        var (offices, staff, attempts, changes) = SampleDataSeeder.Build(Now, 70m);

        Assert.InRange(offices.Count, 24, 60);
        Assert.Equal(Enumerable.Range(1, 22), offices.Select(o => o.District).Distinct().Order());
        Assert.Contains(offices, o => o.Status == OfficeStatus.Pilot);
        Assert.Contains(offices, o => o.Status == OfficeStatus.Suspended);
        Assert.Equal(changes.Count, offices.Count(o => o.Status is OfficeStatus.Suspended or OfficeStatus.Closed));
        Assert.Equal(staff.Count, staff.Select(s => s.NationalId).Distinct().Count());
        Assert.All(offices, o => Assert.Single(staff, s => s.OfficeCode == o.Code && s.Role == StaffRole.Manager));

        // Every stage of admission shows up in what the rule answers at an active office.
        var office = offices.First(o => o.Status == OfficeStatus.Active);
        var reasons = staff.Where(s => s.OfficeCode == office.Code)
            .Select(s => OfficeAuthorizationRule.Evaluate(
                new AuthorizationRequest(office.Code.Value, s.NationalId.Value, ServiceTypes.BuildingPermit),
                new AuthorizationSnapshot(office, [s], [.. attempts.Where(a => a.NationalId == s.NationalId)]),
                TimeSpan.FromDays(730),
                new FakeTimeProvider(Now)).Reason)
            .ToList();
        Assert.Equal(
            [null, null, AuthorizationRefusal.CertificationExpired, AuthorizationRefusal.NotCertified, AuthorizationRefusal.NotCertified, AuthorizationRefusal.NotCertified, AuthorizationRefusal.NotCertified],
            reasons);
        Assert.Contains(attempts, a => a.Kind == QualificationKind.Exam && !a.Passed);
    }
}
