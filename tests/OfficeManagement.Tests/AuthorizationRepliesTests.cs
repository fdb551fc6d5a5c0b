using System.Globalization;
using CityEServices.OfficeManagement.Domain;
using CityEServices.OfficeManagement.Grpc;

namespace CityEServices.OfficeManagement.Tests;

public class AuthorizationRepliesTests
{
    [Fact]
    public void An_allowed_answer_says_until_when_it_holds_in_ISO_8601_UTC()
    {
        // Expiry given in Tehran time: the wire carries the same instant in UTC, to the tick.
        var expires = new DateTimeOffset(2027, 3, 1, 9, 30, 15, TimeSpan.FromHours(3.5)).AddTicks(1234567);

        var reply = AuthorizationReplies.From(AuthorizationDecision.Allow("ok", expires));

        Assert.True(reply.Allowed);
        Assert.Equal("", reply.Reason);
        Assert.Equal("2027-03-01T06:00:15.1234567Z", reply.ExpiresAt);
        Assert.Equal(expires, DateTimeOffset.Parse(reply.ExpiresAt, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_refusal_names_its_reason_and_carries_no_expiry()
    {
        var reply = AuthorizationReplies.From(AuthorizationDecision.Refuse(AuthorizationRefusal.LicenceRevoked, "revoked") with
        {
            ExpiresAt = DateTimeOffset.UnixEpoch,
        });

        Assert.False(reply.Allowed);
        Assert.Equal("LicenceRevoked", reply.Reason);
        Assert.Equal("revoked", reply.Detail);
        Assert.Equal("", reply.ExpiresAt);
    }

    [Fact]
    public void The_reason_strings_are_the_ones_the_design_names()
    {
        Assert.Equal(
            ["ServiceTypeInactive", "OfficeNotFound", "OfficeSuspended", "OfficeClosed", "OfficeNotLicensed", "LicenceRevoked",
             "OperatorNotAtOffice", "StaffInactive", "NotCertified", "CertificationExpired"],
            Enum.GetValues<AuthorizationRefusal>().Select(r => AuthorizationReplies.From(AuthorizationDecision.Refuse(r, "x")).Reason));
    }
}
