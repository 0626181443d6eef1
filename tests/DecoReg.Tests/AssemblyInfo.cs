// Trainings draw dropout masks and jittered-target copies from libtorch's process-wide random generator, so two
// trainings running at once in one process disturb each other's "same seed, same model" guarantee. Test classes
// therefore run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
