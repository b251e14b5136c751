/** The checks of exercise 1, in catalogue order: each lives in its own folder beside this file. */
export { EXERCISE_01_CHECKS } from "../exercise-01-root-keys";
