/** The checks of exercise 2, in catalogue order: each lives in its own folder beside this file. */
export { EXERCISE_02_CHECKS } from "../exercise-02-mfa";
