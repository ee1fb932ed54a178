using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Seeding;

/// <summary>The records the seeder made for one planted subject (and, for look-alikes, one decoy contact).</summary>
internal sealed record PlantedPeople(string Email, SimRecord? Contact, SimRecord? Lead, SimRecord? Case, SimRecord? Decoy = null);
